package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.BoundedMap;
import io.github.pictory4j.images.client.ImageJob;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells this instance's listener (the CDI bean fires {@code ImageJobEndSeen}) of each job end it
 * learns of, whether it read the end itself or found it recorded by another instance, once per job
 * within {@link #MEMORY}. Unlike the announcement of an end (once, cluster-wide), every instance
 * learns of every end: it is for refreshing what users look at.
 */
public final class EndSeenNotifier {

    private static final Logger LOG = Logger.getLogger(EndSeenNotifier.class.getName());
    /** How long a sighting is remembered, so that the same end is not told twice meanwhile. */
    static final Duration MEMORY = Duration.ofMinutes(10);
    private static final int LIMIT = 10_000;

    private final Consumer<ImageJob> listener;
    private final Clock clock;
    private final Map<String, Instant> seen = new BoundedMap<>(LIMIT);

    public EndSeenNotifier(Consumer<ImageJob> listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** {@code job} has ended; the listener hears of it unless it did already. */
    public void seen(ImageJob job) {
        Instant now = clock.instant();
        synchronized (this) {
            forgetOld(now);
            if (seen.putIfAbsent(job.jobId(), now) != null) {
                return;
            }
        }
        try {
            listener.accept(job);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener to the end of job " + job.jobId() + " failed", e);
        }
    }

    private void forgetOld(Instant now) {
        Iterator<Instant> oldestFirst = seen.values().iterator();
        while (oldestFirst.hasNext()) {
            Instant at = oldestFirst.next();
            if (at.plus(MEMORY).isAfter(now)) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
