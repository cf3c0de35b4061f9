package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.UnknownOutcome;
import io.github.pictory4j.images.client.internal.submission.PendingSubmission;

import java.time.Instant;
import java.util.List;

/**
 * Submissions from before they are sent until Pictory's answer: the {@code Submitter} records here, and
 * what a broken connection left unknown is reported from here at start. Implementations are thread-safe.
 */
public interface Submissions {

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
     * Submissions whose outcome is unknown: the connection broke after sending, or they were still being
     * sent at {@code sendingBefore} (the process died before the job id was written).
     */
    List<UnknownOutcome> unknownOutcomes(Instant sendingBefore);
}
