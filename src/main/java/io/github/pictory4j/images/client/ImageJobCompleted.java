package io.github.pictory4j.images.client;

/**
 * CDI event: a job {@link ImageService} submitted or waited for has completed. Fired once per job,
 * whether a webhook callback or a poll saw it first; observe it with {@code @Observes} or
 * {@code @ObservesAsync}.
 *
 * @param job the job as Pictory reported it when it completed (its {@code url} is the PNG)
 */
public record ImageJobCompleted(ImageJob job) {
}
