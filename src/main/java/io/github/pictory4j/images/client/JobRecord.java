package io.github.pictory4j.images.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What the service has recorded of a job: what was asked, Pictory's latest state, and whether its
 * image is kept. With a durable store ({@code pictory.store.datasource}) records survive restarts and
 * every instance on the same database sees the same ones.
 *
 * @param jobId            Pictory's id
 * @param request          what was asked, when this service submitted the job (else null: a job it only waited for)
 * @param estimatedCredits the model's price when submitted, if known
 * @param lastSeen         the state last read from Pictory (in-progress until a read says otherwise)
 * @param createdAt        when the submission was recorded (or the job first seen)
 * @param updatedAt        when the record last changed
 * @param endedAt          when the end was recorded, or null while it runs
 * @param image            whether the job's PNG is kept in the store
 * @param spender          who the submission was charged to, or null: the application alone (a job submitted
 *                         before spenders existed, without a caller, or only waited for)
 */
public record JobRecord(String jobId, JobRequest request, BigDecimal estimatedCredits, ImageJob lastSeen,
                        Instant createdAt, Instant updatedAt, Instant endedAt, KeptImageState image, Spender spender) {

    /** A record charged to the application alone. */
    public JobRecord(String jobId, JobRequest request, BigDecimal estimatedCredits, ImageJob lastSeen,
                     Instant createdAt, Instant updatedAt, Instant endedAt, KeptImageState image) {
        this(jobId, request, estimatedCredits, lastSeen, createdAt, updatedAt, endedAt, image, null);
    }

    /** Whether the job has ended (completed, failed or cleaned). */
    public boolean ended() {
        return endedAt != null;
    }

    public Optional<JobRequest> submittedRequest() {
        return Optional.ofNullable(request);
    }

    /** Who the submission was charged to; empty when the application alone paid. */
    public Optional<Spender> chargedTo() {
        return Optional.ofNullable(spender);
    }

    /** Whether {@code scope} paid for this job: the application pays for all, a user or team for their own. */
    public boolean chargedTo(BudgetScope scope) {
        return switch (scope.kind()) {
            case APPLICATION -> true;
            case USER -> spender != null && spender.user().equals(scope.name());
            case TEAM -> spender != null && scope.name().equals(spender.team());
        };
    }

    /**
     * Where a job's image stands in the store.
     *
     * @param status  NONE (no image: running, failed, or no durable store), PENDING (to be downloaded),
     *                KEPT, or FAILED (given up; {@code problem} says why)
     * @param problem the last download's problem, or null
     */
    public record KeptImageState(Status status, String problem) {

        public static final KeptImageState NONE = new KeptImageState(Status.NONE, null);

        /** The states of a kept image. */
        public enum Status { NONE, PENDING, KEPT, FAILED }
    }
}
