// pictory4j sample page: a sign-in (/api/session), a form that submits image jobs to /api/images and a gallery
// that follows them: pushed by Server-Sent Events (/api/events) when the server can, polled when it cannot. An
// admin also sees everyone's credits and sets the limits of users and teams (/api/admin).
// All text from the user or the server goes through textContent or DOM properties, never innerHTML.
'use strict';

(function () {
  const POLL_MS = 1000;
  const LIVE_FALLBACK_POLL_MS = 15000; // while events flow, polling is only a safety net
  const KEPT_IMAGE_TRIES = 20;       // the app downloads a completed image in about a second
  const KEPT_IMAGE_RETRY_MS = 1500;
  const TERMINAL = new Set(['completed', 'failed', 'cleaned']);
  const FIELDS = ['prompt', 'model', 'aspectRatio', 'style', 'referenceImageUrl'];

  const $ = (id) => document.getElementById(id);
  const form = $('generate-form');
  const promptInput = $('prompt');
  const modelSelect = $('model');
  const ratioSelect = $('aspectRatio');
  const styleSelect = $('style');
  const referenceInput = $('referenceImageUrl');
  const submitButton = $('submit');
  const gallery = $('gallery');

  let models = [];
  let promptLimits = { min: 5, max: 5000 };
  let submitting = false;
  const pollers = new Map(); // jobId -> timeout id
  let live = false; // whether the event stream is connected
  let events = null; // the event stream, closed at sign-out

  // ---- small helpers ----

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function credits(value) {
    const n = Number(value);
    return Number.isFinite(n) ? n + (n === 1 ? ' credit' : ' credits') : '';
  }

  function option(value, label) {
    const node = document.createElement('option');
    node.value = value;
    node.textContent = label;
    return node;
  }

  /** Only URLs an <img> or a link may safely use: http(s), this app's own paths, and data:image. */
  function safeUrl(url, forLink) {
    if (typeof url !== 'string' || url === '') return null;
    try {
      const parsed = new URL(url, document.baseURI);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
      if (!forLink && parsed.protocol === 'data:' && /^data:image\//i.test(url)) return url;
    } catch (e) { /* not a URL */ }
    return null;
  }

  /** fetch that answers {status, body, headers}; body is the parsed JSON or null. Throws on network errors. */
  async function api(method, path, payload) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (payload !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    const response = await fetch(path, init);
    let body = null;
    try { body = await response.json(); } catch (e) { /* empty or not JSON */ }
    if (response.status === 401 && path !== 'api/session') signedOut(); // the session ended (a restart, a time-out)
    return { status: response.status, ok: response.ok, body, headers: response.headers };
  }

  function errorMessage(result, fallback) {
    const message = result.body && typeof result.body.message === 'string' ? result.body.message : '';
    return message || fallback + ' (HTTP ' + result.status + ')';
  }

  // ---- banner and field errors ----

  function showBanner(text) {
    $('banner-text').textContent = text;
    $('banner').hidden = false;
  }

  function hideBanner() {
    $('banner').hidden = true;
    $('banner-text').textContent = '';
  }

  function clearFieldErrors() {
    for (const name of FIELDS) {
      $(name + '-error').textContent = '';
      $(name).removeAttribute('aria-invalid');
    }
  }

  /** Puts each field error next to its field; answers the errors that match no field. */
  function showFieldErrors(fields) {
    const unmatched = [];
    let first = null;
    for (const field of fields) {
      const raw = field && typeof field.name === 'string' ? field.name : '';
      const name = raw.split('.').pop(); // tolerate "submit.request.prompt"
      const errors = Array.isArray(field && field.errors) ? field.errors.join('; ') : String((field && field.errors) || 'invalid');
      if (FIELDS.includes(name)) {
        const target = $(name + '-error');
        target.textContent = target.textContent ? target.textContent + '; ' + errors : errors;
        $(name).setAttribute('aria-invalid', 'true');
        first = first || $(name);
      } else {
        unmatched.push((raw ? raw + ': ' : '') + errors);
      }
    }
    if (first) first.focus();
    return unmatched;
  }

  // ---- the form ----

  function selectedModel() {
    return models.find((m) => m.value === modelSelect.value);
  }

  function fillRatios() {
    const model = selectedModel();
    const previous = ratioSelect.value;
    const ratios = model && Array.isArray(model.aspectRatios) ? model.aspectRatios : [];
    ratioSelect.replaceChildren(...ratios.map((r) => option(r, r)));
    if (ratios.includes(previous)) ratioSelect.value = previous;
  }

  function updateSubmitLabel() {
    const model = selectedModel();
    submitButton.textContent = submitting ? 'Submitting…'
      : 'Generate' + (model && model.credits !== undefined ? ' · ' + credits(model.credits) : '');
    submitButton.disabled = submitting || models.length === 0;
  }

  function updateCount() {
    const length = promptInput.value.length;
    const count = $('prompt-count');
    count.textContent = length + ' / ' + promptLimits.max;
    const tooShort = length > 0 && length < promptLimits.min;
    const tooLong = length > promptLimits.max;
    const hint = $('prompt-hint');
    hint.textContent = tooShort ? 'at least ' + promptLimits.min + ' characters'
      : tooLong ? 'at most ' + promptLimits.max + ' characters' : '';
    count.classList.toggle('warn', tooShort || tooLong);
    hint.classList.toggle('warn', tooShort || tooLong);
  }

  async function loadOptions() {
    let result;
    try {
      result = await api('GET', 'api/options');
    } catch (e) {
      showBanner('Cannot reach the server: ' + e.message);
      return;
    }
    if (!result.ok || !result.body) {
      showBanner(errorMessage(result, 'Cannot load the models'));
      return;
    }
    const options = result.body;
    models = Array.isArray(options.models) ? options.models : [];
    if (options.prompt) {
      promptLimits = { min: Number(options.prompt.min) || 5, max: Number(options.prompt.max) || 5000 };
    }
    modelSelect.replaceChildren(...models.map((m) =>
      option(m.value, m.value + (m.credits !== undefined ? ' — ' + credits(m.credits) : ''))));
    const preferred = models.find((m) => m.default) || models[0];
    if (preferred) modelSelect.value = preferred.value;
    for (const style of Array.isArray(options.styles) ? options.styles : []) {
      styleSelect.append(option(style, style));
    }
    if (options.mode) {
      $('mode').textContent = options.mode === 'simulator' ? 'simulator: no credits spent' : options.mode;
      $('mode').classList.toggle('simulator', options.mode === 'simulator');
      $('mode').hidden = false;
    }
    fillRatios();
    updateCount();
    updateSubmitLabel();
  }

  async function submit(event) {
    event.preventDefault();
    if (submitting) return;
    clearFieldErrors();
    hideBanner();
    const request = { prompt: promptInput.value, model: modelSelect.value, aspectRatio: ratioSelect.value };
    if (styleSelect.value) request.style = styleSelect.value;
    const reference = referenceInput.value.trim();
    if (reference) request.referenceImageUrl = reference;

    submitting = true;
    updateSubmitLabel();
    try {
      const result = await api('POST', 'api/images', request);
      if (result.ok) {
        const location = result.headers.get('Location') || '';
        const jobId = (result.body && result.body.jobId) || location.split('/').pop();
        if (!jobId) {
          showBanner('The server accepted the job but did not say its id.');
          return;
        }
        const job = Object.assign({}, request, { jobId, status: (result.body && result.body.status) || 'in-progress',
          createdAt: new Date().toISOString() });
        if (!findCard(jobId)) gallery.prepend(renderCard(job)); // the gallery's first load may have it already
        updateEmpty();
        poll(jobId);
      } else if (result.status === 429 && result.body && result.body.budget) {
        showBanner(errorMessage(result, 'The credit budget is used up'));
      } else if (result.status === 400) {
        const fields = result.body && Array.isArray(result.body.fields) ? result.body.fields : [];
        const unmatched = showFieldErrors(fields);
        if (fields.length === 0 || unmatched.length > 0) {
          showBanner([errorMessage(result, 'Invalid request')].concat(unmatched).join(' · '));
        }
      } else {
        showBanner(errorMessage(result, 'The image could not be started'));
      }
    } catch (e) {
      showBanner('Cannot reach the server: ' + e.message);
    } finally {
      submitting = false;
      updateSubmitLabel();
      loadUsage();
    }
  }

  // ---- the usage panel: today, this month, and a bar per day ----

  function amount(value) {
    const n = Number(value);
    return Number.isFinite(n) ? String(Math.round(n * 1000) / 1000) : '0';
  }

  function periodText(period) {
    const parts = [amount(period.spent) + ' spent', amount(period.reserved) + ' reserved'];
    // The simulator's credits are counted apart: no limit counts them, and none were really spent.
    if (Number(period.simulated) > 0) parts.push(amount(period.simulated) + ' simulated');
    parts.push(period.limit === undefined || period.limit === null
      ? 'no limit'
      : amount(period.left) + ' left of ' + amount(period.limit));
    return parts.join(' · ');
  }

  function drawChart(days) {
    const chart = $('usage-chart');
    chart.replaceChildren();
    const total = (day) => (Number(day.spent) || 0) + (Number(day.reserved) || 0) + (Number(day.simulated) || 0);
    const top = Math.max(1, ...days.map(total));
    for (const day of days) {
      const figures = { spent: Number(day.spent) || 0, reserved: Number(day.reserved) || 0, simulated: Number(day.simulated) || 0 };
      const column = el('div', 'usage-day');
      column.dataset.date = day.date;
      column.title = day.date + ':';
      const stack = el('div', 'usage-stack');
      for (const kind of ['simulated', 'reserved', 'spent']) {
        column.dataset[kind] = amount(figures[kind]);
        column.title += ' ' + amount(figures[kind]) + ' ' + kind;
        const bar = el('div', 'usage-bar ' + kind);
        // Heights through the CSSOM: the page's CSP allows no inline style attribute.
        bar.style.height = (100 * figures[kind] / top) + '%';
        stack.append(bar);
      }
      column.append(stack, el('span', 'usage-label', day.date.slice(8)));
      chart.append(column);
    }
  }

  async function loadUsage() {
    let result;
    try {
      result = await api('GET', 'api/usage');
    } catch (e) {
      return; // the panel stays as it was; the gallery reports connection trouble
    }
    if (!result.ok || !result.body || !Array.isArray(result.body.days)) return;
    const usage = result.body;
    $('usage-title').textContent = 'Your credits';
    $('usage-today').textContent = periodText(usage.today);
    $('usage-month').textContent = periodText(usage.month);
    $('usage-zone').textContent = 'days in ' + usage.zone;
    const team = usage.team;
    $('usage-team-row').hidden = !team;
    if (team) {
      $('usage-team-title').textContent = 'Team ' + team.name + ', this month';
      $('usage-team').textContent = periodText(team.month);
    }
    drawChart(usage.days);
    $('usage').hidden = false;
    if (isAdmin) loadAdmin();
  }

  // ---- the admin's panel ----

  let isAdmin = false;

  function limitText(value) {
    return value === undefined || value === null ? 'none' : amount(value);
  }

  async function loadAdmin() {
    let usage;
    let limits;
    try {
      [usage, limits] = await Promise.all([api('GET', 'api/admin/usage'), api('GET', 'api/admin/limits')]);
    } catch (e) {
      return;
    }
    if (!usage.ok || !limits.ok || !usage.body || !limits.body) return;
    const rows = [usage.body.application].concat(usage.body.users || [], usage.body.teams || []);
    $('admin-usage').replaceChildren(...rows.map((scope) => {
      const row = el('tr');
      row.dataset.scope = scope.kind + ':' + scope.name;
      row.append(el('td', null, scope.scope), el('td', null, periodText(scope.today)), el('td', null, periodText(scope.month)));
      return row;
    }));
    const l = limits.body;
    $('admin-defaults').textContent = 'The application: ' + limitText(l.application.dailyCredits) + ' a day, '
      + limitText(l.application.monthlyCredits) + ' a month. Each user: ' + limitText(l.userDefault.dailyCredits)
      + ' a day, ' + limitText(l.userDefault.monthlyCredits) + ' a month. Each team ('
      + ((l.teams || []).join(', ') || 'none configured') + '): ' + limitText(l.teamDefault.dailyCredits) + ' a day, '
      + limitText(l.teamDefault.monthlyCredits) + ' a month. Own limits:';
    $('admin-overrides').replaceChildren(...(l.overrides || []).map((own) => {
      const row = el('tr');
      row.dataset.scope = own.kind + ':' + own.name;
      const remove = el('button', 'link-button', 'Remove');
      remove.type = 'button';
      remove.addEventListener('click', async () => {
        await api('DELETE', 'api/admin/limits/' + own.kind + '/' + encodeURIComponent(own.name));
        loadAdmin();
      });
      const cell = el('td');
      cell.append(remove);
      row.append(el('td', null, own.kind + ' ' + own.name), el('td', null, limitText(own.dailyCredits)),
        el('td', null, limitText(own.monthlyCredits)), cell);
      return row;
    }));
    $('admin').hidden = false;
  }

  async function setLimits(event) {
    event.preventDefault();
    $('limits-error').textContent = '';
    const number = (id) => ($(id).value.trim() === '' ? null : Number($(id).value.trim()));
    const body = { dailyCredits: number('limits-daily'), monthlyCredits: number('limits-monthly') };
    if ([body.dailyCredits, body.monthlyCredits].some((n) => n !== null && !Number.isFinite(n))) {
      $('limits-error').textContent = 'Limits are numbers of credits, or empty for none';
      return;
    }
    const name = $('limits-name').value.trim();
    if (!name) { $('limits-error').textContent = 'Name the user or team'; return; }
    const result = await api('PUT', 'api/admin/limits/' + $('limits-kind').value + '/' + encodeURIComponent(name), body);
    if (!result.ok) {
      const fields = result.body && Array.isArray(result.body.fields) ? result.body.fields : [];
      $('limits-error').textContent = [errorMessage(result, 'The limits were not set')]
        .concat(fields.map((f) => f.name + ': ' + f.errors)).join(' · ');
      return;
    }
    loadAdmin();
  }

  // ---- the gallery ----

  function updateEmpty() {
    $('gallery-empty').hidden = gallery.children.length > 0;
  }

  function findCard(jobId) {
    for (const card of gallery.children) {
      if (card.dataset.jobId === jobId) return card;
    }
    return null;
  }

  function formatDate(value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value)
      : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** Where this app serves a job's kept PNG (same origin, whatever Pictory still has). */
  function keptImagePath(jobId) {
    return 'api/images/' + encodeURIComponent(jobId) + '/image';
  }

  function renderMedia(job, lazy) {
    const media = el('div', 'job-media');
    const status = job.status || 'in-progress';
    if (status === 'completed') {
      const img = document.createElement('img');
      img.alt = job.prompt || 'Generated image';
      if (job.width > 0 && job.height > 0) { img.width = job.width; img.height = job.height; }
      if (lazy) img.loading = 'lazy';
      // The app keeps each image (Pictory purges its links); while it is being kept, the app answers 503:
      // try again a few times, then fall back to Pictory's own link.
      const kept = keptImagePath(job.jobId);
      const fallback = safeUrl(job.url, false);
      let tries = 0;
      img.addEventListener('error', () => {
        if (img.dataset.source === 'kept' && job.imageState !== 'FAILED' && tries < KEPT_IMAGE_TRIES) {
          tries += 1;
          setTimeout(() => { img.src = kept + '?try=' + tries; }, KEPT_IMAGE_RETRY_MS);
        } else if (img.dataset.source === 'kept' && fallback) {
          img.dataset.source = 'pictory';
          img.src = fallback;
        } else {
          media.replaceChildren(el('p', 'job-note', 'The image is no longer available.'));
        }
      });
      img.dataset.source = 'kept';
      img.src = kept;
      media.append(img);
    } else if (status === 'failed') {
      media.classList.add('failed');
      const failure = el('div', 'job-error');
      failure.append(el('strong', 'job-error-code', job.errorCode || 'Failed'));
      if (job.errorMessage) failure.append(el('span', 'job-error-message', job.errorMessage));
      media.append(failure);
    } else if (status === 'cleaned') {
      media.append(el('p', 'job-note', 'Pictory removed this job\u2019s outputs.'));
    } else {
      media.classList.add('pending');
      media.append(el('div', 'spinner'));
      const bar = document.createElement('progress');
      bar.className = 'job-progress';
      bar.setAttribute('aria-label', 'Generating');
      media.append(bar);
    }
    return media;
  }

  function renderCard(job, lazy) {
    const card = el('article', 'job-card');
    card.dataset.jobId = job.jobId;
    fillCard(card, job, lazy);
    return card;
  }

  function fillCard(card, job, lazy) {
    const status = job.status || 'in-progress';
    card.dataset.status = status;
    const body = el('div', 'job-body');
    const head = el('div', 'job-head');
    const badge = el('span', 'job-status', status);
    badge.dataset.status = TERMINAL.has(status) ? status : 'in-progress';
    badge.setAttribute('role', 'status');
    head.append(badge);
    if (job.createdAt) {
      const time = el('time', 'job-time', formatDate(job.createdAt));
      time.dateTime = String(job.createdAt);
      head.append(time);
    }
    body.append(head, el('p', 'job-prompt', job.prompt || ''));

    // An admin sees everyone's jobs: say whose (a job from before owners has none).
    const owner = isAdmin ? (job.owner ? 'by ' + job.owner : 'by nobody (from before owners)') : '';
    const meta = [job.model, job.aspectRatio, job.style, owner].filter(Boolean).join(' · ');
    if (meta) body.append(el('p', 'job-meta', meta));
    if (status === 'completed') {
      const facts = el('p', 'job-facts');
      if (job.width > 0 && job.height > 0) facts.append(el('span', 'job-size', job.width + ' × ' + job.height));
      if (job.aiCreditsUsed !== undefined && job.aiCreditsUsed !== null) {
        facts.append(el('span', 'job-credits', credits(job.aiCreditsUsed)));
      }
      // The kept copy, unless keeping it failed: then Pictory's own link, while it lasts.
      const href = job.imageState === 'FAILED' ? safeUrl(job.url, true) : keptImagePath(job.jobId);
      if (href) {
        const link = el('a', 'job-link', 'Open');
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        facts.append(link);
      }
      body.append(facts);
    }
    card.replaceChildren(renderMedia(job, lazy), body);
  }

  /** Polls one job every POLL_MS until it ends; network trouble slows the polling but does not stop it. */
  function poll(jobId, failures) {
    failures = failures || 0;
    clearTimeout(pollers.get(jobId));
    pollers.set(jobId, setTimeout(async () => {
      const card = findCard(jobId);
      if (!card) { pollers.delete(jobId); return; }
      let result = null;
      try {
        result = await api('GET', 'api/images/' + encodeURIComponent(jobId));
      } catch (e) { /* network error: retry below */ }
      if (result && result.ok && result.body) {
        const job = Object.assign({ jobId }, result.body);
        job.status = job.status || 'in-progress';
        if (job.status !== card.dataset.status || TERMINAL.has(job.status)) {
          fillCard(card, job, false);
        } else {
          card.querySelector('.job-status').textContent = job.status; // clears a "retrying…"
        }
        if (TERMINAL.has(job.status)) { pollers.delete(jobId); loadUsage(); return; }
        poll(jobId, 0);
      } else if (result && result.status === 404) {
        fillCard(card, { jobId, status: 'failed', errorCode: 'NOT_FOUND', errorMessage: errorMessage(result, 'Unknown job'),
          prompt: card.querySelector('.job-prompt').textContent });
        pollers.delete(jobId);
      } else {
        const badge = card.querySelector('.job-status');
        if (badge) badge.textContent = 'retrying…';
        poll(jobId, failures + 1);
      }
    }, live ? LIVE_FALLBACK_POLL_MS : Math.min(POLL_MS * Math.pow(2, failures), 15000)));
  }

  /** Jobs pushed by the server as they end; when the stream drops, polling takes over at full pace. */
  function listen() {
    if (!window.EventSource) return;
    events = new EventSource('api/events');
    events.addEventListener('ready', () => { live = true; });
    events.addEventListener('job', (event) => {
      let job;
      try { job = JSON.parse(event.data); } catch (e) { return; }
      const card = job && job.jobId ? findCard(job.jobId) : null;
      if (!card) return;
      fillCard(card, job, false);
      if (TERMINAL.has(job.status)) {
        clearTimeout(pollers.get(job.jobId));
        pollers.delete(job.jobId);
        loadUsage(); // the end settled the job's credits
      }
    });
    events.addEventListener('error', () => {
      live = false;
      for (const jobId of pollers.keys()) poll(jobId); // resume polling now, not after the slow interval
    });
  }

  async function loadGallery() {
    let result;
    try {
      result = await api('GET', 'api/images');
    } catch (e) {
      showBanner('Cannot load your images: ' + e.message);
      return;
    }
    if (!result.ok || !Array.isArray(result.body)) {
      showBanner(errorMessage(result, 'Cannot load your images'));
      return;
    }
    for (const job of result.body) {
      if (!job || !job.jobId || findCard(job.jobId)) continue;
      gallery.append(renderCard(job, true));
      if (!TERMINAL.has(job.status)) poll(job.jobId);
    }
    updateEmpty();
  }

  // ---- signing in and out ----

  let started = false;

  function showSignIn(demoUsers) {
    $('app-area').hidden = true;
    $('account').hidden = true;
    $('sign-in-form').hidden = false;
    const hint = $('sign-in-hint');
    hint.hidden = !(demoUsers && demoUsers.length);
    hint.textContent = hint.hidden ? '' : 'Demo users, while the sample listens on this machine only: '
      + demoUsers.join(', ') + ' (password demo).';
    $('sign-in-user').focus();
  }

  function start(session) {
    isAdmin = !!session.admin;
    $('sign-in-form').hidden = true;
    $('account-name').textContent = session.user + (session.team ? ' · ' + session.team : '') + (isAdmin ? ' · admin' : '');
    $('account').hidden = false;
    $('app-area').hidden = false;
    if (started) return;
    started = true;
    loadOptions();
    loadGallery();
    loadUsage();
    listen();
  }

  /** The sign-in is gone: everything on the page was the previous user's, so start again from a clean page. */
  function signedOut() {
    if (started) window.location.reload();
  }

  async function signIn(event) {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    let result;
    try {
      result = await api('POST', 'api/session', { user: $('sign-in-user').value.trim(), password: $('sign-in-password').value });
    } catch (e) {
      $('sign-in-error').textContent = 'Cannot reach the server: ' + e.message;
      return;
    }
    $('sign-in-password').value = '';
    if (!result.ok || !result.body) {
      $('sign-in-error').textContent = errorMessage(result, 'The user name or password is wrong');
      return;
    }
    start(result.body);
  }

  async function signOut() {
    if (events) events.close();
    try { await api('DELETE', 'api/session'); } finally { window.location.reload(); }
  }

  async function begin() {
    let result;
    try {
      result = await api('GET', 'api/session');
    } catch (e) {
      showBanner('Cannot reach the server: ' + e.message);
      return;
    }
    if (result.ok && result.body && result.body.signedIn) {
      start(result.body);
    } else {
      showSignIn(result.body && result.body.demoUsers);
    }
  }

  // ---- start ----

  promptInput.addEventListener('input', updateCount);
  modelSelect.addEventListener('change', () => { fillRatios(); updateSubmitLabel(); });
  form.addEventListener('submit', submit);
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('limits-form').addEventListener('submit', setLimits);
  $('banner-close').addEventListener('click', hideBanner);
  updateCount();
  begin();
})();
