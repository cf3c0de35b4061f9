package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.JobTraffic;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulator's jobs: starts them (as a test scripted, if it did), answers for them, cleans them. A
 * job belongs to the scope whose key submitted it, and is unknown to every other. A job's status
 * follows from the clock (see {@link SimulatedJob}), or from its reads when its ending waits for them;
 * when a job finishes, a task on the container's managed scheduler calls its webhook as the job's plan
 * says, off any request thread. Its image is rendered when first downloaded.
 */
@ApplicationScoped
public class SimulatedJobs {

    private static final Logger LOG = Logger.getLogger(SimulatedJobs.class.getName());

    /** What cleaning a job came to. */
    public enum Cleaning { CLEANED, UNKNOWN, NOT_FINISHED }

    @Inject
    SimulatedJobTable store;

    @Inject
    PngRenderer renderer;

    @Inject
    WebhookNotifier webhooks;

    /** The container's managed scheduler; outside a container (simulator.host), a plain one. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private final AtomicLong sequence = new AtomicLong();

    public Instant now() {
        return clock.instant();
    }

    /**
     * Starts a job of {@code scope} for {@code order}, as the scope's script says; its PNG will be served
     * under {@code baseUri}.
     */
    public SimulatedJob start(SimulatorScope scope, ImageOrder order, URI baseUri, SimulatorSettings settings) {
        String id = UUID.randomUUID().toString();
        Instant created = now();
        URI imageUrl = UriBuilder.fromUri(baseUri).path("images").path(id + ".png").build();
        SimulatorScript script = scope.script();
        JobEnding ending = script.nextEnding().orElse(order.ending());
        Instant finishes = ending.endsOnRead() ? SimulatedJob.UNTIL_READS : created.plus(script.jobDuration(settings));
        SimulatedJob job = new SimulatedJob(id, sequence.incrementAndGet(), order, created, finishes, imageUrl, ending,
                script.webhookPlan(), false);
        store.add(scope.id(), job, settings.maxJobs());
        scheduleFinish(job, settings.webhookTimeout());
        return job;
    }

    /**
     * Ends the job as {@code ending} says: now, with its webhook, if it was in progress; else its end
     * changes from now on (a completed job becomes cleaned, say) and no webhook is called.
     *
     * @return the job as it is now; empty when {@code scope} knows no such job
     */
    public Optional<SimulatedJob> end(SimulatorScope scope, String id, JobEnding ending, SimulatorSettings settings) {
        if (ending.endsOnRead()) {
            throw new IllegalArgumentException("afterReads is for the next jobs (next-jobs): ending a job ends it now,"
                    + " so leave afterReads out");
        }
        return owns(scope, id) ? endNow(id, ending, settings) : Optional.empty();
    }

    /** Forgets every job of {@code scope}. Webhook calls still scheduled find nothing to call for. */
    public void clear(SimulatorScope scope) {
        store.clear(scope.id());
    }

    /**
     * The job, for a client of {@code scope} reading its state: the read is counted (see {@link #traffic}),
     * and the read a job's ending waits for ends it.
     */
    public Optional<SimulatedJob> read(SimulatorScope scope, String id, SimulatorSettings settings) {
        if (!owns(scope, id)) {
            return Optional.empty();
        }
        int reads = store.countRead(id);
        Optional<SimulatedJob> job = store.find(id);
        if (job.isPresent() && job.get().waitsForReads() && reads >= job.get().ending().afterReads()) {
            return endNow(id, job.get().ending(), settings);
        }
        return job;
    }

    /** The job's reads, webhook calls and status; empty when {@code scope} knows no such job. */
    public Optional<JobTraffic> traffic(SimulatorScope scope, String id) {
        return owns(scope, id) ? store.traffic(id, now()) : Optional.empty();
    }

    /** Cleans a finished job of {@code scope} (again, if need be: cleaning is idempotent). */
    public Cleaning clean(SimulatorScope scope, String id) {
        Optional<SimulatedJob> job = owns(scope, id) ? store.find(id) : Optional.empty();
        if (job.isEmpty()) {
            return Cleaning.UNKNOWN;
        }
        if (!job.get().status(now()).isTerminal()) {
            return Cleaning.NOT_FINISHED;
        }
        return store.clean(id).isPresent() ? Cleaning.CLEANED : Cleaning.UNKNOWN;
    }

    /** The id of the scope that submitted the job, for a request that carries no key; empty when unknown. */
    public Optional<String> owner(String id) {
        return store.owner(id);
    }

    /**
     * The PNG of a completed job, whatever its scope (like Pictory's direct links it needs no key); empty for
     * a job unknown, unfinished, failed, cleaned or forgotten.
     */
    public Optional<byte[]> image(String id) {
        Optional<SimulatedJob> job = store.find(id);
        if (job.isEmpty() || !job.get().isCompleted(now())) {
            return Optional.empty();
        }
        return store.image(id, this::render);
    }

    /** Completed images of {@code scope}, latest first. */
    public List<SimulatedJob> completedNewestFirst(SimulatorScope scope) {
        Instant now = now();
        return store.newestFirst(scope.id()).stream().filter(job -> job.isCompleted(now)).toList();
    }

    /** Whether job {@code id} is {@code scope}'s: another scope's job is unknown to it, as another account's is to Pictory. */
    private boolean owns(SimulatorScope scope, String id) {
        return store.owner(id).filter(scope.id()::equals).isPresent();
    }

    /** Ends the job now if in progress (with its webhook), else from now on; see {@link #end}. */
    private Optional<SimulatedJob> endNow(String id, JobEnding ending, SimulatorSettings settings) {
        Instant now = now();
        AtomicBoolean endsNow = new AtomicBoolean();
        Optional<SimulatedJob> ended = store.update(id, job -> {
            endsNow.set(job.status(now) == SimulatedStatus.IN_PROGRESS);
            return job.endingAs(ending, now);
        });
        if (endsNow.get()) {
            ended.ifPresent(job -> scheduleFinish(job, settings.webhookTimeout()));
        }
        return ended;
    }

    private byte[] render(SimulatedJob job) {
        return renderer.render(job.order().prompt(), job.order().style(), job.size());
    }

    private void scheduleFinish(SimulatedJob job, Duration webhookTimeout) {
        if (scheduler == null || job.order().webhookUrl().isEmpty() || job.webhookPlan().calls() == 0
                || job.waitsForReads()) {
            return; // statuses change on time (or read) by themselves; only a webhook needs a task, once the end is known
        }
        Instant firstCall = job.finishesAt().plus(job.webhookPlan().delay());
        long delay = Math.max(0, Duration.between(now(), firstCall).toMillis());
        try {
            scheduler.schedule(() -> finish(job.id(), job.finishesAt(), webhookTimeout), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.log(Level.FINE, "The application is stopping; job {0} will finish without a webhook", job.id());
        }
    }

    /** Calls the webhook as the job's plan says, once the job has finished at {@code scheduledEnd}. */
    private void finish(String id, Instant scheduledEnd, Duration webhookTimeout) {
        try {
            Optional<SimulatedJob> found = store.find(id);
            if (found.isEmpty() || !found.get().finishesAt().equals(scheduledEnd)) {
                return; // forgotten, or ended early by a test: that end has a task of its own
            }
            SimulatedJob job = found.get();
            String webhook = job.order().webhookUrl().orElseThrow();
            // The PNG is rendered on its first download, not here: most jobs of a busy run are never
            // downloaded, and rendering is by far the simulator's largest cost.
            for (int call = 0; call < job.webhookPlan().calls(); call++) {
                store.countCallback(id);
                // The scheduler's clock and the wall clock may disagree by a tick: the job is finished now.
                Instant at = now().isBefore(job.finishesAt()) ? job.finishesAt() : now();
                store.recordWebhookCall(id, webhooks.notify(webhook, PictoryJson.job(store.find(id).orElse(job), at),
                        webhookTimeout));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not finish simulated job " + id, e);
        }
    }
}
