package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryException;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waits of this JVM, by job: told when a job ends (or when following it failed), they complete.
 * Only registered waits are kept, and each is removed when it completes, so nothing grows with jobs
 * that nobody waits for.
 */
public final class JobWaits {

    private final ConcurrentHashMap<String, Set<CompletableFuture<ImageJob>>> waits = new ConcurrentHashMap<>();

    /** A future that completes with the job's end (or the failure that stopped following it). */
    public CompletableFuture<ImageJob> register(String jobId) {
        CompletableFuture<ImageJob> end = new CompletableFuture<>();
        waits.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(end);
        end.whenComplete((job, failure) -> remove(jobId, end));
        return end;
    }

    /** The job reached a terminal state: every wait for it completes. */
    public void ended(ImageJob job) {
        for (CompletableFuture<ImageJob> end : snapshot(job.jobId())) {
            end.complete(job);
        }
    }

    /** Reading the job failed for good: every wait for it fails with {@code failure}. */
    public void failed(String jobId, PictoryException failure) {
        for (CompletableFuture<ImageJob> end : snapshot(jobId)) {
            end.completeExceptionally(failure);
        }
    }

    private Set<CompletableFuture<ImageJob>> snapshot(String jobId) {
        Set<CompletableFuture<ImageJob>> ends = waits.get(jobId);
        return ends == null ? Set.of() : Set.copyOf(ends);
    }

    private void remove(String jobId, CompletableFuture<ImageJob> end) {
        waits.computeIfPresent(jobId, (id, ends) -> {
            ends.remove(end);
            return ends.isEmpty() ? null : ends;
        });
    }
}
