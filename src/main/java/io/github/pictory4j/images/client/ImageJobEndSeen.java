package io.github.pictory4j.images.client;

/**
 * CDI event: this instance learnt that a job ended, whether it read the end itself or another instance
 * on the same database recorded it. Fired on every instance, at least once each: for refreshing what
 * users look at (a page, a stream). To act once per job (send a mail, charge a customer), observe
 * {@link ImageJobCompleted} and {@link ImageJobFailed}, which fire exactly once, cluster-wide.
 *
 * @param job the job as recorded at its end
 */
public record ImageJobEndSeen(ImageJob job) {
}
