package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.store.Claims;
import io.github.pictory4j.images.client.internal.store.OpenJob;
import io.github.pictory4j.images.client.PictoryException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the unfinished jobs nobody polls: their poller (on this instance or another on the same database)
 * stopped or died, and their poll lease expired. The chain of each takes the lease at its first poll, so of
 * several instances that sweep, one polls. It looks as often as the shortest poll interval, so that a dead
 * poller's jobs move on soon.
 */
final class TakeoverSweep {

    private static final Logger LOG = Logger.getLogger(TakeoverSweep.class.getName());

    private final Claims claims;
    private final JobPoller poller;
    private final Scheduling scheduling;
    private final Duration pollInterval;
    private final Duration fallbackPollInterval;
    private final CompletableFuture<Void> lifetime;

    /** @param lifetime the sweep stops when this completes (the client closes) */
    TakeoverSweep(Claims claims, JobPoller poller, Scheduling scheduling, Duration pollInterval,
                  Duration fallbackPollInterval, CompletableFuture<Void> lifetime) {
        this.claims = claims;
        this.poller = poller;
        this.scheduling = scheduling;
        this.pollInterval = pollInterval;
        this.fallbackPollInterval = fallbackPollInterval;
        this.lifetime = lifetime;
    }

    void start() {
        scheduling.schedule(this::takeOver, sweepInterval(), lifetime);
    }

    private void takeOver() {
        try {
            List<OpenJob> orphans = claims.unleased(scheduling.clock().instant());
            for (OpenJob job : orphans) {
                poller.follow(job.jobId(), job.callsBack() ? fallbackPollInterval : pollInterval, Duration.ZERO);
            }
            if (!orphans.isEmpty()) {
                LOG.info("Took over " + orphans.size() + " Pictory jobs whose poller stopped");
            }
        } catch (PictoryException e) {
            LOG.log(Level.FINE, "The takeover sweep failed; trying again: {0}", e.getMessage());
        } finally {
            scheduling.schedule(this::takeOver, sweepInterval(), lifetime);
        }
    }

    private Duration sweepInterval() {
        return pollInterval.compareTo(fallbackPollInterval) <= 0 ? pollInterval : fallbackPollInterval;
    }
}
