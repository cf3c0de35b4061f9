package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.internal.budget.PeriodTotals;
import io.github.pictory4j.images.client.internal.submission.PendingSubmission;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.UnknownOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the service knows of its jobs: each submission from before it is sent to its end, which
 * webhook nonce belongs to which job, the latest state seen, and whether the end was announced.
 * The submitter, the callback handling and the job observer record here; nothing else keeps state
 * about jobs. Implementations are thread-safe.
 *
 * <p>The end of a job is announced once: {@link #claimEnd} answers true to exactly one caller per job,
 * which then fires the job's event and confirms with {@link #endAnnounced}.
 */
public interface JobStore {

    /**
     * Records a submission before it is sent, and takes its {@link PendingSubmission#reservation() credit
     * reservation} in the same step: both or neither. If this throws, nothing may be sent.
     *
     * @return the submission's id in this store
     * @throws io.github.pictory4j.images.client.PictoryBudgetExceededException when a limited period has no
     *         room for the reservation (then nothing is recorded)
     */
    String submissionStarting(PendingSubmission submission);

    /** Pictory accepted the submission and created {@code jobId}. */
    void submissionAccepted(String submissionId, String jobId, Instant at);

    /**
     * Pictory certainly created no job for the submission (it refused it, or it never reached Pictory): its
     * credit reservation is released.
     */
    void submissionRefused(String submissionId, Instant at);

    /**
     * Pictory may or may not have created a job (the connection broke after the request was sent). Its
     * credits stay reserved: Pictory may have charged them.
     */
    void submissionOutcomeUnknown(String submissionId, String reason, Instant at);

    /**
     * The job a verified callback token's nonce belongs to. A callback that outran its submission's
     * answer binds the nonce to the job it names ({@code claimedJobId}), while its token is valid;
     * a nonce the store never recorded has no job.
     */
    Optional<String> jobForCallback(String nonce, String claimedJobId, Instant now);

    /** Whether the job was submitted with this service's webhook and has not been seen to end. */
    boolean expectsCallback(String jobId);

    /** Records the job's state as Pictory reported it at {@code at}. */
    void stateSeen(ImageJob job, Instant at);

    /**
     * Records the end of a job ({@code job} is terminal). True for the one caller that must announce it,
     * false for every other and for an end already announced. The winner also settles the job's credit
     * reservation, in the same step (see {@link CreditReservation#charge}), so that it is settled once.
     */
    boolean claimEnd(ImageJob job, Instant at);

    /** The event of the job's end has fired. */
    void endAnnounced(String jobId, Instant at);

    /** The latest state seen of the job, if any. */
    Optional<ImageJob> lastSeen(String jobId);

    /** Whether what is recorded survives the process (a database), so that jobs are followed again on start. */
    boolean durable();

    /**
     * The end of a job that was recorded but whose event is not known to have fired (the process died in
     * between), claimed by {@code owner} until {@code until} so that no other instance announces it meanwhile.
     * True when the claim is this caller's.
     */
    boolean claimAnnouncement(String jobId, String owner, Instant now, Instant until);

    /** Jobs whose end was recorded but whose event is not known to have fired, and unclaimed at {@code now}. */
    List<ImageJob> unannouncedEnds(Instant now);

    /** Jobs Pictory accepted that have not been seen to end, oldest first. */
    List<OpenJob> unfinished();

    /**
     * Submissions whose outcome is unknown: the connection broke after sending, or they were still being
     * sent at {@code sendingBefore} (the process died before the job id was written).
     */
    List<UnknownOutcome> unknownOutcomes(Instant sendingBefore);

    /** The record of a job. */
    Optional<JobRecord> find(String jobId);

    /** The newest {@code limit} jobs (with a job id), newest first. */
    List<JobRecord> newestFirst(int limit);

    /** Forgets the job and its kept image; false when there was no such job. */
    boolean delete(String jobId);

    /**
     * Holds (takes or renews) the right to poll the job until {@code until}: true when this owner holds it,
     * false while another instance's lease runs, or when the job has ended. One poller per job, cluster-wide.
     */
    boolean holdPollLease(String jobId, String owner, Instant now, Instant until);

    /** Unfinished jobs whose poll lease is free or expired at {@code now}: their poller stopped or died. */
    List<OpenJob> unleased(Instant now);

    /** Gives up this owner's poll leases (the application stops): other instances take the jobs over at once. */
    void releasePollLeases(String owner);

    /** Jobs whose end was recorded at or after {@code since}, oldest first (for instances that did not see it). */
    List<ImageJob> endedSince(Instant since, int limit);

    /** The credits spent and reserved in these periods (days {@code 2026-01-31}, months {@code 2026-01}); none for a period without any. */
    List<PeriodTotals> periodTotals(Collection<String> periods);

    /**
     * A job Pictory accepted, not yet seen to end.
     *
     * @param callsBack whether it was submitted with the service's webhook
     */
    record OpenJob(String jobId, boolean callsBack) {
    }

    /** How long an instance holds a claim on an announcement before another may take it over. */
    Duration ANNOUNCEMENT_CLAIM = Duration.ofMinutes(1);
}
