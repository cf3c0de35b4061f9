package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.store.Claims;
import io.github.pictory4j.images.client.internal.store.JobRecords;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.internal.telemetry.EndSource;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every state read from Pictory goes, whoever read it (a poll, a callback, a caller): it is
 * recorded in the {@link JobRecords}; an end completes this JVM's waits and is announced once, to the
 * listener (the CDI bean fires its events there), as the store decides. When the store cannot record
 * a state (the database is down), the waits still end, and the job stays to be followed until its
 * end is recorded.
 */
public final class JobObserver {

    private static final Logger LOG = Logger.getLogger(JobObserver.class.getName());

    private final JobRecords records;
    private final Claims claims;
    private final JobWaits ends;
    private final Consumer<ImageJob> onEnd;
    private final EndListener onEndRecorded;
    private final EndSeenNotifier sightings;
    private final Clock clock;
    private final String owner;

    /** Told of each end this observer saw recorded in the store. */
    public interface EndListener {
        /**
         * @param source        how this instance learned of it
         * @param recordedFirst whether this observer recorded it first (it announced it, once cluster-wide)
         */
        void ended(ImageJob job, EndSource source, boolean recordedFirst);
    }

    /**
     * @param onEnd         told once per job when its end is first recorded; what it throws is logged, never propagated
     * @param onEndRecorded told of every end this observer saw recorded (the image keeper starts, the metrics count it)
     * @param sightings     told of every end this instance sees, announced here or not
     * @param owner         this instance, as it signs its claims in the store
     */
    public JobObserver(JobRecords records, Claims claims, JobWaits ends, Consumer<ImageJob> onEnd, EndListener onEndRecorded,
                       EndSeenNotifier sightings, Clock clock, String owner) {
        this.records = records;
        this.claims = claims;
        this.ends = ends;
        this.onEnd = onEnd;
        this.onEndRecorded = onEndRecorded;
        this.sightings = sightings;
        this.clock = clock;
        this.owner = owner;
    }

    /** Records {@code job} as Pictory reported it just now, read as {@code source} says; answers it. */
    public ImageJob observed(ImageJob job, EndSource source) {
        observe(job, source);
        return job;
    }

    /** Records {@code job}; answers whether the store holds it now (false when the store failed). */
    public boolean observe(ImageJob job, EndSource source) {
        Instant now = clock.instant();
        if (!job.isTerminal()) {
            return recorded(job, () -> records.stateSeen(job, now));
        }
        // Recorded before the waits complete, so that a wait that starts meanwhile finds the end in the store.
        boolean first;
        try {
            first = records.claimEnd(job, now);
        } catch (PictoryException e) {
            LOG.log(Level.WARNING, "Job {0} ended, but the job store could not record it; it is read again until it"
                    + " can: {1}", new Object[]{job.jobId(), e.getMessage()});
            ends.ended(job);
            return false;
        }
        ends.ended(job);
        if (first) {
            announce(job);
        }
        try {
            onEndRecorded.ended(job, source, first);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Handling the recorded end of job " + job.jobId() + " failed", e);
        }
        sightings.seen(job);
        return true;
    }

    /**
     * Announces an end recorded earlier whose event is not known to have fired (the process stopped in
     * between), if this instance wins the claim on it.
     */
    public void announceLeftOver(ImageJob job) {
        Instant now = clock.instant();
        if (claims.claimAnnouncement(job.jobId(), owner, now, now.plus(Claims.ANNOUNCEMENT_CLAIM))) {
            announce(job);
            sightings.seen(job);
        }
    }

    private void announce(ImageJob job) {
        try {
            onEnd.accept(job);
        } catch (RuntimeException e) {
            // An observer's bug must not fail the poll or the callback that saw the job end.
            LOG.log(Level.WARNING, "An observer of the end of job " + job.jobId() + " failed", e);
        }
        recorded(job, () -> claims.endAnnounced(job.jobId(), clock.instant()));
    }

    private static boolean recorded(ImageJob job, Runnable write) {
        try {
            write.run();
            return true;
        } catch (PictoryException e) {
            LOG.log(Level.WARNING, "The job store could not record job {0}: {1}", new Object[]{job.jobId(), e.getMessage()});
            return false;
        }
    }
}
