package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.http.Failures;
import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.http.PictoryGateway;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.PictoryNotFoundException;
import io.github.pictory4j.images.client.internal.http.ResponseDecoder;
import io.github.pictory4j.images.client.internal.http.RetryExecutor.Start;
import io.github.pictory4j.images.client.internal.telemetry.EndSource;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.Traced;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads jobs from Pictory on a schedule: one chain of polls per job, however many callers wait for
 * it, each poll a task on the scheduler (no thread is parked between polls). A chain runs while
 * someone is interested ({@link #follow}) and stops when a read of this poller's (a poll, a callback's read,
 * a caller's) ends the job. Every state read goes to the {@link JobObserver}; a read that fails for good
 * fails this JVM's waits for the job. Each chain is one span, from its start to the job's end: its polls
 * (and their HTTP calls) sit under it.
 */
public final class JobPoller {

    private static final Logger LOG = Logger.getLogger(JobPoller.class.getName());

    /** A lease outlives two missed polls and a pause, so that only a dead or stopped poller loses it. */
    static final Duration LEASE_GRACE = Duration.ofSeconds(10);

    private final PictoryGateway gateway;
    private final JobObserver observer;
    private final JobWaits ends;
    private final Scheduling scheduling;
    private final PollerRecords store;
    private final Telemetry telemetry;
    private final Map<String, Chain> chains = new HashMap<>();

    /** @param store where the poll leases are, and the records another instance's poller writes */
    public JobPoller(PictoryGateway gateway, JobObserver observer, JobWaits ends, Scheduling scheduling, PollerRecords store,
                     Telemetry telemetry) {
        this.telemetry = telemetry;
        this.gateway = gateway;
        this.observer = observer;
        this.ends = ends;
        this.scheduling = scheduling;
        this.store = store;
    }

    /** How long a poller holds a job it polls every {@code interval}. */
    public static Duration lease(Duration interval) {
        return interval.multipliedBy(2).plus(LEASE_GRACE);
    }

    /**
     * Polls {@code jobId} every {@code interval}, the first time after {@code firstPoll}, until the job
     * ends or every interest is released. A job already followed keeps its chain and schedule.
     */
    public Interest follow(String jobId, Duration interval, Duration firstPoll) {
        // The chain's span is named after the job's model, which is read from the store (a database, maybe):
        // read before the poller's lock is taken, so that no other chain waits for that read. (A chain that
        // stops between the check and the lock is started again without the model: its span is unnamed.)
        Optional<String> model = telemetry.active() && !isFollowed(jobId) ? store.model(jobId) : Optional.empty();
        synchronized (this) {
            Chain chain = chains.get(jobId);
            if (chain == null) {
                chain = new Chain(jobId, interval, model);
                chains.put(jobId, chain);
                chain.schedule(firstPoll);
            }
            chain.interests++;
            return new Interest(chain, chain.polls);
        }
    }

    private synchronized boolean isFollowed(String jobId) {
        return chains.containsKey(jobId);
    }

    /** Reads the job once, now, outside any chain (a callback's authoritative read, a last look). */
    public CompletableFuture<ImageJob> pollOnce(String jobId, EndSource source) {
        return read(jobId, Start.SCHEDULED, source);
    }

    /** A caller's read of the job, handed to the observer; {@code start} says on which thread. */
    public CompletableFuture<ImageJob> read(String jobId, Start start) {
        return read(jobId, start, EndSource.READ);
    }

    private CompletableFuture<ImageJob> read(String jobId, Start start, EndSource source) {
        return gateway.read(jobId, start).thenApply(job -> {
            if (observer.observe(job, source) && job.isTerminal()) {
                ended(job, source);
            }
            return job;
        });
    }

    /** The job's end was recorded after a read of this poller's: its chain (if any) stops. */
    private synchronized void ended(ImageJob job, EndSource source) {
        Chain chain = chains.get(job.jobId());
        if (chain != null) {
            chain.trace.state(job);
            chain.trace.endedBy(source);
            stop(chain);
        }
    }

    /** The end recorded for a job Pictory says it has no record of (never created, or purged). */
    static ImageJob lost(String jobId) {
        return new ImageJob(jobId, JobStatus.FAILED, null, null, null, null, ResponseDecoder.JOB_NOT_FOUND,
                "Pictory has no job with this id any more (it was purged, or never existed there)");
    }

    /** Jobs being followed. */
    public synchronized int followed() {
        return chains.size();
    }

    private synchronized void stop(Chain chain) {
        stop(chain, null);
    }

    private synchronized void stop(Chain chain, Throwable failure) {
        chain.stopped = true;
        chains.remove(chain.jobId, chain);
        if (chain.next != null) {
            chain.next.cancel();
        }
        chain.trace.end(failure);
    }

    /** One caller's interest in a job's chain of polls. */
    public final class Interest {
        private final Chain chain;
        private final int pollsBefore;
        private boolean released;

        private Interest(Chain chain, int pollsBefore) {
            this.chain = chain;
            this.pollsBefore = pollsBefore;
        }

        /** Polls made since this interest began. */
        public int polls() {
            synchronized (JobPoller.this) {
                return chain.polls - pollsBefore;
            }
        }

        /** Drops this interest; the chain stops with the last one. Idempotent. */
        public void release() {
            synchronized (JobPoller.this) {
                if (released) {
                    return;
                }
                released = true;
                if (--chain.interests == 0) {
                    stop(chain);
                }
            }
        }
    }

    private final class Chain {

        /** Whether this instance may poll the job now (it holds, or just took, the job's lease). */
        private boolean leased() {
            Instant now = scheduling.clock().instant();
            return store.leased(jobId, now, now.plus(lease(interval)));
        }

        /** Another instance polls the job: its end, once recorded, ends this instance's waits too. */
        private void watch() {
            Optional<ImageJob> recorded = store.recordedEnd(jobId);
            recorded.ifPresent(ends::ended);
            synchronized (JobPoller.this) {
                if (stopped) {
                    return;
                }
                if (recorded.isPresent()) {
                    trace.state(recorded.get());
                    trace.endedBy(EndSource.STORE);
                    stop(this);
                } else {
                    schedule(interval);
                }
            }
        }

        final String jobId;
        final Duration interval;
        final Traced trace;
        final CompletableFuture<Void> lifetime = new CompletableFuture<>();
        int interests;
        int polls;
        boolean stopped;
        Scheduling.Timer next;

        Chain(String jobId, Duration interval, Optional<String> model) {
            this.jobId = jobId;
            this.interval = interval;
            this.trace = telemetry.following(jobId, model);
            // The scheduler refused the next poll (the application is stopping): the waits end now.
            lifetime.whenComplete((ignored, refused) -> {
                if (refused != null) {
                    stop(this, refused);
                    ends.failed(jobId, Failures.translate(refused, PictoryGateway.reading(jobId)));
                }
            });
        }

        /** Called with the poller's lock held. */
        void schedule(Duration delay) {
            next = scheduling.schedule(this::poll, delay, lifetime);
        }

        private void poll() {
            try (Traced.Scope in = trace.enter()) {
                pollNow();
            }
        }

        private void pollNow() {
            synchronized (JobPoller.this) {
                if (stopped) {
                    return;
                }
            }
            if (!leased()) {
                watch();
                return;
            }
            synchronized (JobPoller.this) {
                polls++;
            }
            trace.polled();
            CompletableFuture<ImageJob> read;
            try {
                read = gateway.read(jobId, Start.INLINE);
            } catch (RuntimeException e) { // no key, say: the read never started
                read = CompletableFuture.failedFuture(e);
            }
            read.whenComplete((job, failure) -> {
                boolean done = false;
                if (failure != null) {
                    PictoryException translated = Failures.translate(failure, PictoryGateway.reading(jobId));
                    LOG.log(Level.FINE, "Polling job {0} failed: {1}", new Object[]{jobId, translated.getMessage()});
                    ends.failed(jobId, translated);
                    // A job Pictory does not know will not come back; anything else is tried again.
                    done = translated instanceof PictoryNotFoundException;
                    if (done && store.durable()) {
                        // A recorded job is never dropped in silence: it ends, failed, and says why.
                        ImageJob lost = lost(jobId);
                        if (observer.observe(lost, EndSource.POLL)) {
                            ended(lost, EndSource.POLL);
                        }
                    }
                } else {
                    // An end the store could not record is read again, until it can.
                    trace.state(job);
                    done = observer.observe(job, EndSource.POLL) && job.isTerminal();
                    if (done) {
                        ended(job, EndSource.POLL);
                    }
                }
                synchronized (JobPoller.this) {
                    if (stopped) {
                        return;
                    }
                    if (done) {
                        stop(this);
                    } else {
                        schedule(interval);
                    }
                }
            });
        }
    }
}
