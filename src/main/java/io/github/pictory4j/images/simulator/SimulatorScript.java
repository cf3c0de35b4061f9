package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.WebhookPlan;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How a test wants the next jobs of its scope to behave, where it differs from the configuration: how long they
 * take, how they end, what happens to their webhooks. Cleared by the control API's reset.
 */
public class SimulatorScript {

    /** Null: the configured {@link SimulatorSettings#jobDuration()}. Guarded by {@code this}, as is the rest. */
    private Duration jobDuration;
    private WebhookPlan webhookPlan = WebhookPlan.NORMAL;
    private final Deque<JobEnding> endings = new ArrayDeque<>();

    /** How long a job submitted now stays in progress. */
    public synchronized Duration jobDuration(SimulatorSettings settings) {
        return jobDuration == null ? settings.jobDuration() : jobDuration;
    }

    public synchronized void jobDuration(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a job duration must be zero or more");
        }
        this.jobDuration = duration;
    }

    /** The plan for the webhook of a job submitted now. */
    public synchronized WebhookPlan webhookPlan() {
        return webhookPlan;
    }

    public synchronized void webhookPlan(WebhookPlan plan) {
        this.webhookPlan = plan;
    }

    /** The next {@code times} jobs end as {@code ending} says, after those already scripted. */
    public synchronized void endNextJobs(int times, JobEnding ending) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        for (int i = 0; i < times; i++) {
            endings.addLast(ending);
        }
    }

    /** The ending scripted for a job submitted now, which is then used up; empty: the job ends as its prompt says. */
    public synchronized Optional<JobEnding> nextEnding() {
        return Optional.ofNullable(endings.pollFirst());
    }

    public synchronized void clear() {
        jobDuration = null;
        webhookPlan = WebhookPlan.NORMAL;
        endings.clear();
    }
}
