package io.github.pictory4j.images.client.internal.images;

import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.Turns;
import io.github.pictory4j.images.client.internal.store.ImageVault;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.Traced;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps completed jobs' PNGs, because Pictory purges its links after a while. Each download is claimed
 * in the store (one instance at a time), streamed into the {@link ImageVault}, checked (a PNG, within the
 * size cap and the time limit) and, when it fails, tried again later with a growing delay, up to
 * {@code pictory.store.image-attempts}. A link Pictory no longer serves, or a file that is not a PNG
 * or too large, is given up at once.
 *
 * <p>At most {@code pictory.store.image-downloads} downloads run at once; the others wait in a queue,
 * holding no thread. A download holds one of the container's threads while it reads, and a burst of
 * completions (a takeover after an instance died, or a slow image host) would otherwise take them all,
 * and leave none for the application's own requests and health checks.
 */
public final class ImageKeeper {

    private static final Logger LOG = Logger.getLogger(ImageKeeper.class.getName());
    /** The first retry's delay; each later one is four times longer, up to {@link #MAX_RETRY_DELAY}. */
    static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    private static final int SWEEP_BATCH = 100;

    private final ImageVault vault;
    private final ImageDownloader downloader;
    private final Scheduling scheduling;
    private final StoreSettings settings;
    private final String owner;
    private final Telemetry telemetry;
    private final CompletableFuture<Void> lifetime = new CompletableFuture<>();
    /** Jobs whose download waits for its turn or holds one, each once. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** At most {@code pictory.store.image-downloads} downloads at once. */
    private final Turns downloads;

    public ImageKeeper(ImageVault vault, ImageDownloader downloader, Scheduling scheduling, StoreSettings settings,
                       String owner, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.vault = vault;
        this.downloader = downloader;
        this.scheduling = scheduling;
        this.settings = settings;
        this.owner = owner;
        this.downloads = new Turns(settings.imageDownloads());
    }

    /** Looks for images due now, then every {@code pictory.store.sweep-interval}. */
    public void start() {
        scheduling.schedule(this::sweep, Duration.ZERO, lifetime);
    }

    /** A job just completed: keep its image as soon as a download's turn comes (never on the caller's thread). */
    public void keepSoon(String jobId) {
        enqueue(jobId);
    }

    /** Downloads running now and waiting for their turn, for tests and diagnostics. */
    Load load() {
        Turns.Load load = downloads.load();
        return new Load(load.running(), load.waiting());
    }

    record Load(int running, int waiting) {
    }

    /** Queues the job's download, unless it is queued or running already. */
    private void enqueue(String jobId) {
        if (!queued.add(jobId)) {
            return;
        }
        DownloadTurn turn = new DownloadTurn(jobId);
        if (downloads.take(turn)) {
            start(turn);
        }
    }

    /** A download's turn, on the scheduler (never on the thread that queued it). */
    private final class DownloadTurn implements Runnable {
        private final String jobId;

        DownloadTurn(String jobId) {
            this.jobId = jobId;
        }

        String jobId() {
            return jobId;
        }

        @Override
        public void run() {
            takeTurn(this);
        }
    }

    private void start(DownloadTurn turn) {
        if (scheduling.schedule(turn, Duration.ZERO, lifetime) == null) {
            // Refused: the application is stopping; the sweep finds the image after the restart.
            queued.remove(turn.jobId());
            downloads.giveBack();
        }
    }

    private void takeTurn(DownloadTurn turn) {
        try {
            attempt(turn.jobId());
        } finally {
            queued.remove(turn.jobId());
            Runnable next = downloads.next();
            if (next != null) {
                start((DownloadTurn) next);
            }
        }
    }

    private void sweep() {
        try {
            for (String jobId : vault.due(clock().instant(), SWEEP_BATCH)) {
                enqueue(jobId);
            }
        } catch (PictoryException e) {
            LOG.log(Level.WARNING, "Looking for images to keep failed; trying again in {0}: {1}",
                    new Object[]{settings.sweepInterval(), e.getMessage()});
        } finally {
            scheduling.schedule(this::sweep, settings.sweepInterval(), lifetime);
        }
    }

    /** One download, if the image is due and no one else is at it. */
    void attempt(String jobId) {
        Instant now = clock().instant();
        Optional<ImageVault.Download> claimed;
        try {
            claimed = vault.claim(jobId, owner, now, now.plus(settings.imageTimeout().multipliedBy(2)));
        } catch (PictoryException e) {
            LOG.log(Level.WARNING, "Cannot claim the download of job {0}''s image now; the sweep will: {1}",
                    new Object[]{jobId, e.getMessage()});
            return;
        }
        claimed.ifPresent(this::download);
    }

    /** One download, as one span: the HTTP call sits under it. */
    private void download(ImageVault.Download download) {
        Traced trace = telemetry.download(download.jobId());
        try (Traced.Scope in = trace.enter()) {
            trace.end(downloadNow(download, trace));
        }
    }

    /** Downloads and keeps the image; answers what failed, or null. */
    private Exception downloadNow(ImageVault.Download download, Traced trace) {
        String jobId = download.jobId();
        Instant deadline = clock().instant().plus(settings.imageTimeout());
        try (InputStream in = new Deadline(downloader.open(download.url()), deadline)) {
            PngCheck png = new PngCheck(in, settings.imageMaxBytes()).readHeader();
            vault.keep(jobId, png, clock().instant());
            trace.kept(png.size());
            LOG.fine(() -> "Kept job " + jobId + "'s image");
            return null;
        } catch (PngCheck.NotAcceptable refused) {
            giveUp(jobId, refused.getMessage());
            return refused;
        } catch (IOException | PictoryException e) {
            retryLater(download, e.getMessage());
            return e;
        } catch (RuntimeException e) {
            retryLater(download, e.toString());
            return e;
        }
    }

    private void giveUp(String jobId, String problem) {
        LOG.log(Level.WARNING, "Job {0}''s image cannot be kept: {1}", new Object[]{jobId, problem});
        recordFailure(jobId, problem, null);
    }

    private void retryLater(ImageVault.Download download, String problem) {
        int attempts = download.attempts() + 1;
        if (attempts >= settings.imageAttempts()) {
            giveUp(download.jobId(), problem + " (after " + attempts + " attempts)");
            return;
        }
        Duration delay = retryDelay(attempts);
        LOG.log(Level.INFO, "Keeping job {0}''s image failed ({1}); trying again in {2}",
                new Object[]{download.jobId(), problem, delay});
        if (recordFailure(download.jobId(), problem, clock().instant().plus(delay))) {
            scheduling.schedule(() -> enqueue(download.jobId()), delay, lifetime);
        }
    }

    /** 5 s after the first failure, four times longer after each next one, at most an hour. */
    static Duration retryDelay(int failures) {
        Duration delay = FIRST_RETRY_DELAY;
        for (int i = 1; i < failures && delay.compareTo(MAX_RETRY_DELAY) < 0; i++) {
            delay = delay.multipliedBy(4);
        }
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    private boolean recordFailure(String jobId, String problem, Instant retryAt) {
        try {
            vault.failed(jobId, problem, retryAt, clock().instant());
            return true;
        } catch (PictoryException e) {
            // The claim will expire and the sweep will try again.
            LOG.log(Level.WARNING, "Cannot record the failed download of job {0}''s image: {1}",
                    new Object[]{jobId, e.getMessage()});
            return false;
        }
    }

    private Clock clock() {
        return scheduling.clock();
    }

    /** Stops a download that trickles past its time limit. */
    private final class Deadline extends FilterInputStream {
        private final Instant deadline;

        Deadline(InputStream in, Instant deadline) {
            super(in);
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            return super.read(buffer, offset, length);
        }

        private void check() throws IOException {
            if (clock().instant().isAfter(deadline)) {
                throw new IOException("the download took longer than " + StoreSettings.IMAGE_TIMEOUT + " ("
                        + settings.imageTimeout() + ")");
            }
        }
    }
}
