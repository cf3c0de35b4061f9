package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.WebhookPlan;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One image job. Its status follows from the clock rather than from a stored state, so that it is
 * right at any moment even if no task has run yet: in progress until {@code finishesAt}, then as its
 * {@code ending} says, unless cleaned.
 *
 * @param sequence    its place among all jobs, later jobs higher: the listing's order and page keys
 * @param imageUrl    where its PNG will be downloadable, fixed when the job is created (as Pictory's are)
 * @param ending      how it ends: as its prompt says ({@link ImageOrder#ending()}) unless a test scripted otherwise
 * @param webhookPlan what is done with its webhook when it ends: the plan in force when it was submitted
 */
public record SimulatedJob(String id, long sequence, ImageOrder order, Instant createdAt, Instant finishesAt,
                           URI imageUrl, JobEnding ending, WebhookPlan webhookPlan, boolean cleaned) {

    /**
     * The {@code finishesAt} of a job whose ending waits for its reads ({@link JobEnding#endsOnRead()}):
     * never, by the clock. Its n-th read ends it (see {@link #endingAs}).
     */
    public static final Instant UNTIL_READS = Instant.MAX;

    public SimulatedJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishesAt, "finishesAt");
        Objects.requireNonNull(imageUrl, "imageUrl");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(webhookPlan, "webhookPlan");
    }

    /** A job as Pictory runs it: it ends as its prompt says and its webhook is called once. */
    public SimulatedJob(String id, long sequence, ImageOrder order, Instant createdAt, Instant finishesAt, URI imageUrl,
                        boolean cleaned) {
        this(id, sequence, order, createdAt, finishesAt, imageUrl, order.ending(), WebhookPlan.NORMAL, cleaned);
    }

    public SimulatedStatus status(Instant now) {
        if (cleaned) {
            return SimulatedStatus.CLEANED;
        }
        if (now.isBefore(finishesAt)) {
            return SimulatedStatus.IN_PROGRESS;
        }
        return switch (ending.outcome()) {
            case COMPLETED -> SimulatedStatus.COMPLETED;
            case FAILED -> SimulatedStatus.FAILED;
            case CLEANED -> SimulatedStatus.CLEANED;
        };
    }

    /** Whether the job is in progress until its n-th read rather than for a duration. */
    public boolean waitsForReads() {
        return finishesAt.equals(UNTIL_READS);
    }

    public boolean isCompleted(Instant now) {
        return status(now) == SimulatedStatus.COMPLETED;
    }

    public ImageSize size() {
        return ImageSize.of(order.aspectRatio());
    }

    public SimulatedJob asCleaned() {
        return new SimulatedJob(id, sequence, order, createdAt, finishesAt, imageUrl, ending, webhookPlan, true);
    }

    /** This job ending as {@code newEnding}: at {@code now} if it was still in progress, else from now on. */
    public SimulatedJob endingAs(JobEnding newEnding, Instant now) {
        Instant end = now.isBefore(finishesAt) ? now : finishesAt;
        return new SimulatedJob(id, sequence, order, createdAt, end, imageUrl, newEnding, webhookPlan, cleaned);
    }
}
