package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.ImageJob;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every state read from Pictory goes, whoever read it (a poll, a callback, a caller): it is
 * recorded in the {@link JobStore}; an end completes this JVM's waits and is announced once, to the
 * listener (the CDI bean fires its events there), as the store decides.
 */
public final class JobObserver {

    private static final Logger LOG = Logger.getLogger(JobObserver.class.getName());

    private final JobStore store;
    private final JobEnds ends;
    private final Consumer<ImageJob> onEnd;
    private final Clock clock;

    /** @param onEnd told once per job when its end is first recorded; what it throws is logged, never propagated */
    public JobObserver(JobStore store, JobEnds ends, Consumer<ImageJob> onEnd, Clock clock) {
        this.store = store;
        this.ends = ends;
        this.onEnd = onEnd;
        this.clock = clock;
    }

    /** Records {@code job} as Pictory reported it just now; answers it. */
    public ImageJob observed(ImageJob job) {
        Instant now = clock.instant();
        if (!job.isTerminal()) {
            store.stateSeen(job, now);
            return job;
        }
        // Recorded before the waits complete, so that a wait that starts meanwhile finds the end in the store.
        boolean first = store.claimEnd(job, now);
        ends.ended(job);
        if (first) {
            announce(job);
            store.endAnnounced(job.jobId(), clock.instant());
        }
        return job;
    }

    private void announce(ImageJob job) {
        try {
            onEnd.accept(job);
        } catch (RuntimeException e) {
            // An observer's bug must not fail the poll or the callback that saw the job end.
            LOG.log(Level.WARNING, "An observer of the end of job " + job.jobId() + " failed", e);
        }
    }
}
