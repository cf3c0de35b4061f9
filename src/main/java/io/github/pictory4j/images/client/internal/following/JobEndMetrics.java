package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.store.JobRecords;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.internal.telemetry.EndSource;
import io.github.pictory4j.images.client.internal.telemetry.JobEnd;
import io.github.pictory4j.images.client.internal.telemetry.JobReads;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Tells the telemetry of each job end this instance recorded first (once cluster-wide), with what the
 * store knows of the job: its model, how long it took from its submission, what it was charged, who it was
 * charged to, and how often this instance read it.
 *
 * @param simulated the credits are a simulator's ({@code pictory.budget.simulated}), as this instance runs
 */
public record JobEndMetrics(JobRecords records, JobReads reads, Telemetry telemetry, boolean simulated) {

    /** Metrics of real credits. */
    public JobEndMetrics(JobRecords records, JobReads reads, Telemetry telemetry) {
        this(records, reads, telemetry, false);
    }

    /** {@code job} ended; {@code first}: this instance recorded it first. */
    public void ended(ImageJob job, EndSource source, boolean first) {
        int readsOfJob = reads.take(job.jobId());
        if (!first || !telemetry.active()) {
            return;
        }
        Optional<JobRecord> record;
        try {
            record = records.find(job.jobId());
        } catch (PictoryException e) {
            record = Optional.empty(); // the end is still counted, without what the store would add
        }
        Optional<JobRecord> submitted = record.filter(found -> found.request() != null);
        String model = submitted.map(found -> found.request().model()).map(Object::toString).orElse(null);
        Duration duration = submitted.filter(found -> found.endedAt() != null)
                .map(found -> Duration.between(found.createdAt(), found.endedAt())).orElse(null);
        BigDecimal charged = submitted.map(JobRecord::estimatedCredits)
                .map(estimate -> CreditReservation.charge(estimate, job)).orElse(job.aiCreditsUsed());
        telemetry.jobEnded(new JobEnd(job, model, duration, charged, readsOfJob, source,
                // Who paid matters only where something was paid: no look-up otherwise.
                charged != null && charged.signum() > 0 ? submitted.map(JobRecord::spender).orElse(null) : null, simulated));
    }
}
