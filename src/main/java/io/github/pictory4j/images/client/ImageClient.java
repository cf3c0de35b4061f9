package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.api.CleanJobResponse;
import io.github.pictory4j.images.client.api.CreateJobResponse;
import io.github.pictory4j.images.client.api.ErrorDetail;
import io.github.pictory4j.images.client.api.JobData;
import io.github.pictory4j.images.client.api.JobResponse;
import io.github.pictory4j.images.client.api.PictoryImagesApi;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import io.github.pictory4j.images.client.webhook.WebhookTokens;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The framework-free core of {@link ImageService}: API key, retries, answer checking and waiting on
 * top of a {@link PictoryImagesApi}. It validates nothing itself (the CDI bean does, with Bean
 * Validation) and runs its asynchronous work on the scheduler it is given, so that no thread is
 * parked for a waiting job.
 *
 * <p>With {@link WebhookSupport}, every submission carries a callback URL with its own token; a
 * verified callback makes the client read the job's real state from Pictory, which ends waits at
 * once. Polling goes on as a fallback ({@link WebhookSupport#fallbackPollInterval()}), so a lost
 * callback loses no job.
 */
public class ImageClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ImageClient.class.getName());

    private final PictoryImagesApi api;
    private final Supplier<String> apiKey;
    private final PictorySettings settings;
    private final ScheduledExecutorService scheduler;
    private final WebhookSupport webhooks;
    private final JobTracker tracker;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param api       the REST client
     * @param apiKey    supplies the key for each call; throws {@link PictoryConfigurationException} when none
     * @param settings  polling and retry settings
     * @param scheduler runs asynchronous polls and retries (in a container: its managed scheduled executor)
     */
    public ImageClient(PictoryImagesApi api, Supplier<String> apiKey, PictorySettings settings,
                       ScheduledExecutorService scheduler) {
        this(api, apiKey, settings, scheduler, null, job -> { });
    }

    /**
     * @param webhooks callback URL and tokens, or null for polling only
     * @param onEnd    told once per job when it is first seen completed, failed or cleaned (the CDI
     *                 bean fires its events here); what it throws is logged, never propagated
     */
    public ImageClient(PictoryImagesApi api, Supplier<String> apiKey, PictorySettings settings,
                       ScheduledExecutorService scheduler, WebhookSupport webhooks, Consumer<ImageJob> onEnd) {
        this.api = Objects.requireNonNull(api, "api");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.webhooks = webhooks;
        Objects.requireNonNull(onEnd, "onEnd");
        this.tracker = new JobTracker(job -> announce(onEnd, job), Clock.systemUTC());
    }

    /** Whether submissions carry a webhook (pictory.webhook.url is set). */
    public boolean webhooksEnabled() {
        return webhooks != null;
    }

    public PictorySettings settings() {
        return settings;
    }

    /** Starts a job; answers its id. */
    public String submit(ImageRequest request) {
        String key = apiKey.get();
        Submission submission = prepare(request);
        return bound(submission, jobIdOf(withRetries("Submitting an image job", false,
                () -> api.createImageJob(key, submission.request()))));
    }

    public CompletableFuture<String> submitAsync(ImageRequest request) {
        String key = apiKey.get();
        Submission submission = prepare(request);
        return withRetriesAsync("Submitting an image job", false, () -> api.createImageJob(key, submission.request()))
                .thenApply(response -> bound(submission, jobIdOf(response)));
    }

    /** The request as sent: with its own webhook token, unless webhooks are off or the caller chose a webhook. */
    private Submission prepare(ImageRequest request) {
        if (webhooks == null || request.webhook() != null) {
            return new Submission(request, null);
        }
        WebhookTokens.Issued issued = webhooks.tokens().issue();
        tracker.expect(issued.nonce(), issued.expiresAt());
        return new Submission(request.withWebhook(webhooks.urlFor(issued)), issued.nonce());
    }

    /** A request about to be sent, and the webhook nonce to bind to the job it creates (or null). */
    private record Submission(ImageRequest request, String nonce) {
    }

    /** Binds the submission's nonce to the job Pictory created; answers the job id. */
    private String bound(Submission submission, String jobId) {
        if (submission.nonce() != null) {
            tracker.bind(submission.nonce(), jobId);
        }
        return jobId;
    }

    /**
     * A webhook callback arrived. Answers false, and does nothing, unless the token is genuine,
     * unexpired and belongs to {@code claimedJobId} (when the body names one). The body's claims are
     * never trusted: a genuine callback only makes the client read the job's state from Pictory, in
     * the background, and that state is what ends waits and fires events.
     *
     * @param token        the {@code token} query parameter of the callback
     * @param claimedJobId the job id the callback's body names, or null
     */
    public boolean acceptCallback(String token, String claimedJobId) {
        if (webhooks == null) {
            return false;
        }
        Optional<String> jobId = webhooks.tokens().verify(token).flatMap(nonce -> tracker.jobFor(nonce, claimedJobId));
        if (jobId.isEmpty() || (claimedJobId != null && !claimedJobId.equals(jobId.get()))) {
            return false;
        }
        String key = apiKey.get();
        getJobAsync(jobId.get(), key).whenComplete((job, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "Reading job {0} after its callback failed; polling will pick it up: {1}",
                        new Object[]{jobId.get(), Failures.translate(failure, "Reading job").getMessage()});
            }
        });
        return true;
    }

    /** The job's current state. */
    public ImageJob getJob(String jobId) {
        String key = apiKey.get();
        return observed(toJob(jobId, withRetries("Reading job " + jobId, true, () -> api.getJob(key, jobId))));
    }

    private CompletableFuture<ImageJob> getJobAsync(String jobId, String key) {
        return withRetriesAsync("Reading job " + jobId, true, () -> api.getJob(key, jobId))
                .thenApply(response -> observed(toJob(jobId, response)));
    }

    private ImageJob observed(ImageJob job) {
        tracker.observe(job);
        return job;
    }

    private static void announce(Consumer<ImageJob> onEnd, ImageJob job) {
        try {
            onEnd.accept(job);
        } catch (RuntimeException e) {
            // An observer's bug must not fail the poll or the callback that saw the job end.
            LOG.log(Level.WARNING, "An observer of the end of job " + job.jobId() + " failed", e);
        }
    }

    /** Removes a finished job's outputs at Pictory. Idempotent. */
    public void cleanJob(String jobId) {
        String key = apiKey.get();
        CleanJobResponse response = withRetries("Cleaning job " + jobId, true, () -> api.cleanJob(key, jobId));
        if (response != null && Boolean.FALSE.equals(response.success())) {
            throw refusal("Cleaning job " + jobId, response.error());
        }
    }

    /** One page of past images; {@code nextPageKey} null for the newest. */
    public ImagePage listImages(String nextPageKey) {
        String key = apiKey.get();
        ImagePage page = withRetries("Listing images", true, () -> api.listImages(key, nextPageKey));
        if (page == null) {
            throw new PictoryResponseFormatException("Listing images: Pictory answered with an empty body", null);
        }
        return page;
    }

    /**
     * Polls the job every {@link PictorySettings#pollInterval()} until it completes, and answers it.
     * A job this client submitted with a webhook is awaited differently: its callback ends the wait,
     * and polling every {@link WebhookSupport#fallbackPollInterval()} is only the safety net.
     *
     * @throws ImageJobFailedException  when it failed or was cleaned
     * @throws JobWaitTimeoutException when {@code timeout} passes first
     */
    public ImageJob awaitJob(String jobId, Duration timeout) {
        long start = System.nanoTime();
        CompletableFuture<ImageJob> end = tracker.end(jobId);
        Duration interval = pollInterval(jobId);
        if (tracker.expectsCallback(jobId)) {
            // Just submitted: nothing to see before the callback or the first fallback poll.
            Optional<ImageJob> ended = waitFor(end, shorter(interval, timeout));
            if (ended.isPresent()) {
                return completedOrThrow(ended.get());
            }
        }
        for (int polls = 1; ; polls++) {
            ImageJob job = getJob(jobId);
            if (job.isTerminal()) {
                return completedOrThrow(job);
            }
            if (!timeLeftForAnotherPoll(start, timeout, interval)) {
                throw waitTimedOut(job, polls, timeout, interval);
            }
            Optional<ImageJob> ended = waitFor(end, interval);
            if (ended.isPresent()) {
                return completedOrThrow(ended.get());
            }
        }
    }

    /** {@link #awaitJob} without blocking: each poll is a task on the scheduler, a callback ends it early. */
    public CompletableFuture<ImageJob> awaitJobAsync(String jobId, Duration timeout) {
        String key = apiKey.get();
        CompletableFuture<ImageJob> result = track(new CompletableFuture<>());
        tracker.end(jobId).thenAccept(job -> settle(result, job));
        Duration interval = pollInterval(jobId);
        long start = System.nanoTime();
        if (tracker.expectsCallback(jobId)) {
            schedule(() -> pollAsync(jobId, key, timeout, interval, start, 1, result), shorter(interval, timeout), result);
        } else {
            pollAsync(jobId, key, timeout, interval, start, 1, result);
        }
        return result;
    }

    private Duration pollInterval(String jobId) {
        return tracker.expectsCallback(jobId) ? webhooks.fallbackPollInterval() : settings.pollInterval();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Sleeps up to {@code interval}, waking early when the job ends; empty when it has not. */
    private static Optional<ImageJob> waitFor(CompletableFuture<ImageJob> end, Duration interval) {
        try {
            return Optional.of(end.get(interval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException stillRunning) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PictoryException("Interrupted while waiting for a Pictory job", e);
        } catch (ExecutionException e) {
            throw Failures.translate(e, "Waiting for a Pictory job");
        }
    }

    private static void settle(CompletableFuture<ImageJob> result, ImageJob job) {
        try {
            result.complete(completedOrThrow(job));
        } catch (PictoryException jobFailed) {
            result.completeExceptionally(jobFailed);
        }
    }

    /** Submits and waits: the image, or the reason there is none. */
    public ImageJob generate(ImageRequest request, Duration timeout) {
        return awaitJob(submit(request), timeout);
    }

    public CompletableFuture<ImageJob> generateAsync(ImageRequest request, Duration timeout) {
        return submitAsync(request).thenCompose(jobId -> awaitJobAsync(jobId, timeout));
    }

    /**
     * Ends every asynchronous wait still pending with a clear error; the jobs themselves go on at
     * Pictory. Called when the application stops.
     */
    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<?> future : pending) {
            future.completeExceptionally(new PictoryException("Stopped waiting for a Pictory job: the application is"
                    + " shutting down. The job goes on at Pictory; wait for it again by its id after the restart."));
        }
        pending.clear();
    }

    private void pollAsync(String jobId, String key, Duration timeout, Duration interval, long start, int polls,
                           CompletableFuture<ImageJob> result) {
        getJobAsync(jobId, key).whenComplete((job, failure) -> {
            if (result.isDone()) {
                return;
            }
            if (failure != null) {
                result.completeExceptionally(Failures.translate(failure, "Waiting for job " + jobId));
            } else if (job.isTerminal()) {
                settle(result, job);
            } else if (!timeLeftForAnotherPoll(start, timeout, interval)) {
                result.completeExceptionally(waitTimedOut(job, polls, timeout, interval));
            } else {
                schedule(() -> pollAsync(jobId, key, timeout, interval, start, polls + 1, result), interval, result);
            }
        });
    }

    private static boolean timeLeftForAnotherPoll(long startNanos, Duration timeout, Duration interval) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return elapsed.plus(interval).compareTo(timeout) <= 0;
    }

    private static JobWaitTimeoutException waitTimedOut(ImageJob job, int polls, Duration timeout, Duration interval) {
        return new JobWaitTimeoutException("Pictory job " + job.jobId() + " is still " + job.status() + " after "
                + timeout + " (" + polls + " polls, every " + interval + "). The job goes on at"
                + " Pictory: wait again by its id, or raise " + PictorySettings.POLL_TIMEOUT + " (env "
                + PictorySettings.environmentVariable(PictorySettings.POLL_TIMEOUT) + ").", job);
    }

    private static ImageJob completedOrThrow(ImageJob job) {
        if (job.isCompleted()) {
            return job;
        }
        throw new ImageJobFailedException(job);
    }

    private <T> T withRetries(String operation, boolean idempotent, Supplier<T> call) {
        for (int retry = 1; ; retry++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                PictoryException failure = Failures.translate(e, operation);
                Duration delay = settings.retry().delayBeforeRetry(retry, failure, idempotent).orElseThrow(() -> failure);
                sleep(delay);
            }
        }
    }

    private <T> CompletableFuture<T> withRetriesAsync(String operation, boolean idempotent, Supplier<T> call) {
        CompletableFuture<T> result = track(new CompletableFuture<>());
        schedule(() -> attempt(operation, idempotent, call, 1, result), Duration.ZERO, result);
        return result;
    }

    private <T> void attempt(String operation, boolean idempotent, Supplier<T> call, int retry,
                             CompletableFuture<T> result) {
        if (result.isDone()) {
            return;
        }
        try {
            result.complete(call.get());
        } catch (RuntimeException e) {
            PictoryException failure = Failures.translate(e, operation);
            settings.retry().delayBeforeRetry(retry, failure, idempotent).ifPresentOrElse(
                    delay -> schedule(() -> attempt(operation, idempotent, call, retry + 1, result), delay, result),
                    () -> result.completeExceptionally(failure));
        }
    }

    private void schedule(Runnable task, Duration delay, CompletableFuture<?> result) {
        if (closed) {
            result.completeExceptionally(new PictoryException("The Pictory client is closed: the application is shutting down"));
            return;
        }
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new PictoryException(
                    "Cannot schedule the next call to Pictory: the executor refused it (is the application stopping?)", e));
        }
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        pending.add(future);
        future.whenComplete((value, failure) -> pending.remove(future));
        return future;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PictoryException("Interrupted while waiting to call Pictory again", e);
        }
    }

    private static String jobIdOf(CreateJobResponse response) {
        if (response != null && response.data() != null && notBlank(response.data().jobId())) {
            return response.data().jobId();
        }
        if (response != null && response.error() != null) {
            throw refusal("Submitting an image job", response.error());
        }
        throw new PictoryResponseFormatException("Submitting an image job: Pictory's answer has no data.jobId", null);
    }

    private static ImageJob toJob(String requestedId, JobResponse response) {
        if (response == null || response.data() == null) {
            ErrorDetail error = response == null ? null : response.error();
            if (error != null && "JOB_NOT_FOUND".equals(error.errorMessage())) {
                throw new PictoryNotFoundException(200, error.errorCode(), "Pictory has no job " + requestedId);
            }
            if (error != null) {
                throw refusal("Reading job " + requestedId, error);
            }
            throw new PictoryResponseFormatException("Reading job " + requestedId + ": Pictory's answer has no data", null);
        }
        JobData data = response.data();
        if (data.status() == null) {
            throw new PictoryResponseFormatException("Reading job " + requestedId + ": Pictory's answer has no status", null);
        }
        String jobId = notBlank(response.jobId()) ? response.jobId() : requestedId;
        return new ImageJob(jobId, data.status(), data.url(), data.width(), data.height(), data.aiCreditsUsed(),
                data.errorCode(), data.errorMessage());
    }

    private static PictoryServiceException refusal(String operation, ErrorDetail error) {
        String message = operation + ": Pictory answered success=false"
                + (error == null ? "" : " [" + error.errorCode() + "]: " + error.errorMessage());
        return new PictoryServiceException(200, error == null ? null : error.errorCode(), message);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

}
