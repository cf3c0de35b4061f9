package io.github.pictory4j.images.client.internal.telemetry;

import io.github.pictory4j.images.client.internal.BoundedMap;

import java.util.Map;

/**
 * Reads of each job this instance sent to Pictory, until the job ends and the count is taken for the
 * metrics. Bounded: the jobs counted longest ago are dropped first, so jobs whose end this instance never
 * sees cannot fill the heap.
 */
public final class JobReads {

    static final int LIMIT = 10_000;

    private final Map<String, Integer> counts = new BoundedMap<>(LIMIT);

    /** One more read of {@code jobId}. */
    public synchronized void read(String jobId) {
        counts.merge(jobId, 1, Integer::sum);
    }

    /** The reads of {@code jobId} so far, forgotten from now on. */
    public synchronized int take(String jobId) {
        Integer count = counts.remove(jobId);
        return count == null ? 0 : count;
    }
}
