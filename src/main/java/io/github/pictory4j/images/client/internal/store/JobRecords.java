package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.Spender;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the service knows of each job: the latest state seen, its end (recorded once), and the record an
 * application reads back. Implementations are thread-safe.
 */
public interface JobRecords {

    /** Records the job's state as Pictory reported it at {@code at}. */
    void stateSeen(ImageJob job, Instant at);

    /**
     * Records the end of a job ({@code job} is terminal). True for the one caller that must announce it,
     * false for every other and for an end already announced. The winner also settles the job's credit
     * reservation, in the same step, so that it is settled once, and holds the announcement's claim
     * ({@link Claims#ANNOUNCEMENT_CLAIM}); a completed job's image becomes due for keeping.
     */
    boolean claimEnd(ImageJob job, Instant at);

    /** The latest state seen of the job, if any. */
    Optional<ImageJob> lastSeen(String jobId);

    /** The record of a job. */
    Optional<JobRecord> find(String jobId);

    /**
     * Who a job was charged to ({@code spender_user}, {@code spender_team}); empty for the application alone or
     * an unknown job. (Read for the metrics of its end; {@code JobRecord} does not carry it yet.)
     */
    Optional<Spender> spenderOf(String jobId);

    /** The newest {@code limit} jobs (with a job id), newest first. */
    List<JobRecord> newestFirst(int limit);

    /** Forgets the job, its claims and its kept image; false when there was no such job. */
    boolean delete(String jobId);

    /** Jobs Pictory accepted that have not been seen to end, oldest first. */
    List<OpenJob> unfinished();

    /** Jobs whose end was recorded at or after {@code since}, oldest first (for instances that did not see it). */
    List<ImageJob> endedSince(Instant since, int limit);
}
