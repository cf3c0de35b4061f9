package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobTraffic;
import io.github.pictory4j.images.simulator.control.WebhookCall;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The simulator's jobs and their images, in memory. It is bounded: beyond the limit the oldest jobs
 * are forgotten with their images (as Pictory purges old outputs), so a long-running demo cannot
 * exhaust the heap. The bound is the whole simulator's, whatever scope a job belongs to: each job
 * remembers the id of the scope that submitted it ({@link #owner}), for the jobs' owner to check.
 */
@ApplicationScoped
public class SimulatedJobTable {

    /** In insertion order, oldest first, so that eviction takes the head. Guarded by {@code this}. */
    private final Map<String, Entry> jobs = new LinkedHashMap<>();

    /** Keeps {@code job} of scope {@code owner}, forgetting the oldest jobs beyond {@code maxJobs}. */
    public synchronized void add(String owner, SimulatedJob job, int maxJobs) {
        jobs.put(job.id(), new Entry(owner, job));
        Iterator<Entry> oldestFirst = jobs.values().iterator();
        while (jobs.size() > maxJobs && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    /** The id of the scope that submitted the job; empty if unknown. */
    public Optional<String> owner(String id) {
        return entry(id).map(entry -> entry.owner);
    }

    public Optional<SimulatedJob> find(String id) {
        return entry(id).map(Entry::job);
    }

    /** Replaces the job with what {@code change} makes of it; the new job, or empty if unknown. */
    public Optional<SimulatedJob> update(String id, UnaryOperator<SimulatedJob> change) {
        return entry(id).map(entry -> entry.update(change));
    }

    /** Marks the job cleaned and drops its image; the cleaned job, or empty if unknown. */
    public Optional<SimulatedJob> clean(String id) {
        return entry(id).map(Entry::clean);
    }

    /**
     * The job's PNG, rendered by {@code renderer} on first use and kept; empty when the job is unknown
     * or cleaned. The caller decides whether the job has an image at all.
     */
    public Optional<byte[]> image(String id, Function<SimulatedJob, byte[]> renderer) {
        return entry(id).map(entry -> entry.image(renderer));
    }

    /** Counts a read of the job's state: how many reads it has had now, 0 when the job is unknown. */
    public int countRead(String id) {
        return entry(id).map(entry -> entry.reads.incrementAndGet()).orElse(0);
    }

    /** Counts a webhook call as it starts, so that the count is right before the app has answered. */
    public void countCallback(String id) {
        entry(id).ifPresent(entry -> entry.callbacks.incrementAndGet());
    }

    /** Keeps how a webhook call ended. */
    public void recordWebhookCall(String id, WebhookCall call) {
        entry(id).ifPresent(entry -> entry.webhookCalls.add(call));
    }

    /** How often the job was read and called back (what a client's economy is measured by), its status at {@code now}. */
    public Optional<JobTraffic> traffic(String id, Instant now) {
        return entry(id).map(entry -> new JobTraffic(id, entry.job().status(now).value(), entry.reads.get(), entry.callbacks.get(),
                entry.job().order().webhookUrl().orElse(null), List.copyOf(entry.webhookCalls)));
    }

    /** Forgets every job of scope {@code owner}, and their images. */
    public synchronized void clear(String owner) {
        jobs.values().removeIf(entry -> entry.owner.equals(owner));
    }

    /** Every job of scope {@code owner}, latest first. */
    public synchronized List<SimulatedJob> newestFirst(String owner) {
        List<SimulatedJob> all = new ArrayList<>();
        jobs.values().stream().filter(entry -> entry.owner.equals(owner)).forEach(entry -> all.add(entry.job()));
        all.sort(Comparator.comparingLong(SimulatedJob::sequence).reversed());
        return all;
    }

    public synchronized int size() {
        return jobs.size();
    }

    private synchronized Optional<Entry> entry(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    /**
     * A job and its image. Rendering and cleaning lock the entry, not the store: a render takes a
     * moment and must neither block other jobs nor bring an image back after a clean. The job itself
     * is read without the lock, so that listing never waits for a render.
     */
    private static final class Entry {
        private final String owner;
        private volatile SimulatedJob job;
        private byte[] png;
        private final AtomicInteger reads = new AtomicInteger();
        private final AtomicInteger callbacks = new AtomicInteger();
        private final List<WebhookCall> webhookCalls = new CopyOnWriteArrayList<>();

        Entry(String owner, SimulatedJob job) {
            this.owner = owner;
            this.job = job;
        }

        SimulatedJob job() {
            return job;
        }

        synchronized SimulatedJob update(UnaryOperator<SimulatedJob> change) {
            job = change.apply(job);
            return job;
        }

        synchronized SimulatedJob clean() {
            job = job.asCleaned();
            png = null;
            return job;
        }

        synchronized byte[] image(Function<SimulatedJob, byte[]> renderer) {
            if (job.cleaned()) {
                return null;
            }
            if (png == null) {
                png = renderer.apply(job);
            }
            return png;
        }
    }
}
