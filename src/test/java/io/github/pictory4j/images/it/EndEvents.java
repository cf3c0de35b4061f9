package io.github.pictory4j.images.it;

import io.github.pictory4j.images.client.ImageJobCompleted;
import io.github.pictory4j.images.client.ImageJobFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the module's end-of-job events per job, sync and async, and serves the counts. */
@Path("events")
@ApplicationScoped
public class EndEvents {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    void completed(@Observes ImageJobCompleted event) {
        count(event.job().jobId(), "completed");
        urls.put(event.job().jobId(), String.valueOf(event.job().url()));
    }

    void completedAsync(@ObservesAsync ImageJobCompleted event) {
        count(event.job().jobId(), "completedAsync");
    }

    void failed(@Observes ImageJobFailed event) {
        count(event.job().jobId(), "failed");
    }

    /** An observer with a bug: it must not turn a callback into an error (and a retry storm). */
    void broken(@Observes ImageJobCompleted event) {
        throw new IllegalStateException("observer bug (on purpose)");
    }

    private void count(String jobId, String kind) {
        counts.computeIfAbsent(jobId + "/" + kind, k -> new AtomicInteger()).incrementAndGet();
    }

    @GET
    @Path("{jobId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> of(@PathParam("jobId") String jobId) {
        return Map.of("completed", get(jobId, "completed"), "completedAsync", get(jobId, "completedAsync"),
                "failed", get(jobId, "failed"), "url", urls.getOrDefault(jobId, ""));
    }

    private int get(String jobId, String kind) {
        AtomicInteger count = counts.get(jobId + "/" + kind);
        return count == null ? 0 : count.get();
    }
}
