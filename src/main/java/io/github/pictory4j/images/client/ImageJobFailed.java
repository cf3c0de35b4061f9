package io.github.pictory4j.images.client;

/**
 * CDI event: a job ended {@code failed} (or {@code cleaned} before anyone saw it complete). Fired once
 * per job; observe it with {@code @Observes} or {@code @ObservesAsync}.
 *
 * @param job the job, with Pictory's {@code errorCode} and {@code errorMessage}
 */
public record ImageJobFailed(ImageJob job) {
}
