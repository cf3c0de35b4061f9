package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.PictoryValue;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.internal.store.Claims;
import io.github.pictory4j.images.client.internal.store.JobRecords;

import java.time.Instant;
import java.util.Optional;

/**
 * What the {@link JobPoller} asks the store, each answer safe when the store is down: with instances sharing
 * a database, each job is polled by the one instance holding its lease; the others watch its record for its end.
 *
 * @param durable whether the store survives the process (a job Pictory lost is then recorded as ended)
 * @param owner   this instance, as it holds its leases
 */
public record PollerRecords(JobRecords records, Claims claims, boolean durable, String owner) {

    /** Whether this instance may poll the job now (it holds, or just took, the job's lease until {@code until}). */
    boolean leased(String jobId, Instant now, Instant until) {
        try {
            return claims.holdPollLease(jobId, owner, now, until);
        } catch (PictoryException e) {
            return true; // the store is down: better a second poller for a while than none
        }
    }

    /** The job's end, if another instance recorded it. */
    Optional<ImageJob> recordedEnd(String jobId) {
        try {
            return records.lastSeen(jobId).filter(ImageJob::isTerminal);
        } catch (PictoryException e) {
            return Optional.empty();
        }
    }

    /** The model the job was submitted with, if the store knows (for the span's name). */
    Optional<String> model(String jobId) {
        try {
            return records.find(jobId).flatMap(JobRecord::submittedRequest).map(JobRequest::model).map(PictoryValue::value);
        } catch (PictoryException e) {
            return Optional.empty();
        }
    }
}
