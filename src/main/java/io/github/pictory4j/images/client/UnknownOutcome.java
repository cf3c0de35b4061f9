package io.github.pictory4j.images.client;

import java.time.Instant;

/**
 * A submission whose outcome is unknown: it was recorded and sent, but no job id came back (the
 * connection broke after Pictory may have received it, or the process died before the id was
 * written). Pictory may have created, and charged for, a job: check the account's images
 * ({@link ImageService#listImages()}) before submitting again.
 *
 * @param submissionId the record's id in the store
 * @param request      what was sent
 * @param createdAt    when it was recorded
 * @param reason       what is known of why there is no job id
 */
public record UnknownOutcome(String submissionId, JobRequest request, Instant createdAt, String reason) {
}
