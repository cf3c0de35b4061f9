package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.store.JobRecords;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryException;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * With several instances on one database, learns of the ends other instances recorded: every
 * {@code pictory.store.watch-interval} it asks the store for ends recorded since its last look (one
 * indexed query), completes this instance's waits for them and tells the {@link EndSeenNotifier}. So a
 * browser connected to any instance hears of an end within about that interval, not at its next
 * fallback poll.
 */
public final class ClusterEndWatcher {

    private static final Logger LOG = Logger.getLogger(ClusterEndWatcher.class.getName());
    /** Instances' clocks may differ this much: each look reaches back this far before the last one. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final int BATCH = 500;

    private final JobRecords records;
    private final JobWaits ends;
    private final EndSeenNotifier sightings;
    private final Scheduling scheduling;
    private final Duration interval;
    private final CompletableFuture<Void> lifetime = new CompletableFuture<>();
    private Instant lastLook;

    public ClusterEndWatcher(JobRecords records, JobWaits ends, EndSeenNotifier sightings, Scheduling scheduling, Duration interval) {
        this.records = records;
        this.ends = ends;
        this.sightings = sightings;
        this.scheduling = scheduling;
        this.interval = interval;
    }

    public void start() {
        lastLook = scheduling.clock().instant();
        scheduling.schedule(this::look, interval, lifetime);
    }

    private void look() {
        Instant now = scheduling.clock().instant();
        try {
            for (ImageJob ended : records.endedSince(lastLook.minus(CLOCK_SKEW), BATCH)) {
                ends.ended(ended);
                sightings.seen(ended);
            }
            lastLook = now;
        } catch (PictoryException e) {
            LOG.log(Level.FINE, "Looking for other instances' job ends failed; trying again: {0}", e.getMessage());
        } finally {
            scheduling.schedule(this::look, interval, lifetime);
        }
    }
}
