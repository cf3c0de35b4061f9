package io.github.pictory4j.images.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the service knows of its jobs between submission and end: which webhook nonce belongs to which
 * job, who is waiting, and whether the end was already announced. It makes the end of a job an
 * exactly-once event however many callbacks and polls report it.
 *
 * <p>Bounded: at most {@link #LIMIT} jobs are remembered, oldest forgotten first, so a long-running
 * app cannot fill its heap.
 */
final class JobTracker {

    static final int LIMIT = 10_000;

    private final Map<String, Entry> byJobId = new LinkedHashMap<>();
    private final Map<String, String> jobIdByNonce = new LinkedHashMap<>();
    private final Map<String, Instant> pendingNonces = new LinkedHashMap<>();
    private final Consumer<ImageJob> onEnd;
    private final Clock clock;

    /** @param onEnd called once per job when it first is seen completed, failed or cleaned */
    JobTracker(Consumer<ImageJob> onEnd, Clock clock) {
        this.onEnd = onEnd;
        this.clock = clock;
    }

    /** A webhook token was issued for a submission whose job id is not known yet. */
    synchronized void expect(String nonce, Instant expiresAt) {
        pendingNonces.put(nonce, expiresAt);
        trim(pendingNonces);
    }

    /** The submission that carried {@code nonce} created {@code jobId}. */
    synchronized void bind(String nonce, String jobId) {
        pendingNonces.remove(nonce);
        jobIdByNonce.put(nonce, jobId);
        trim(jobIdByNonce);
        entry(jobId).hooked = true;
    }

    /** Whether the job was submitted with a webhook and has not been seen to end yet. */
    synchronized boolean expectsCallback(String jobId) {
        Entry entry = byJobId.get(jobId);
        return entry != null && entry.hooked && !entry.announced;
    }

    /**
     * The job a verified nonce belongs to. A callback that outran its submission's answer binds the
     * nonce to the job the callback names; a nonce this service never issued (or forgot) has none.
     */
    synchronized Optional<String> jobFor(String nonce, String claimedJobId) {
        String bound = jobIdByNonce.get(nonce);
        if (bound != null) {
            return Optional.of(bound);
        }
        if (claimedJobId != null && pendingNonces.containsKey(nonce)
                && pendingNonces.get(nonce).isAfter(clock.instant())) {
            bind(nonce, claimedJobId);
            return Optional.of(claimedJobId);
        }
        return Optional.empty();
    }

    /** Completes when the job ends, however that is learnt. */
    synchronized CompletableFuture<ImageJob> end(String jobId) {
        return entry(jobId).end;
    }

    /** Records a job's state; a first terminal state completes the waiters and is announced once. */
    void observe(ImageJob job) {
        if (!job.isTerminal()) {
            return;
        }
        Entry entry;
        synchronized (this) {
            entry = entry(job.jobId());
            if (entry.announced) {
                return;
            }
            entry.announced = true;
        }
        entry.end.complete(job);
        onEnd.accept(job);
    }

    private Entry entry(String jobId) {
        Entry entry = byJobId.computeIfAbsent(jobId, id -> new Entry());
        trim(byJobId);
        return entry;
    }

    private static void trim(Map<String, ?> map) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > LIMIT) {
            oldest.next();
            oldest.remove();
        }
    }

    private static final class Entry {
        final CompletableFuture<ImageJob> end = new CompletableFuture<>();
        boolean announced;
        boolean hooked;
    }
}
