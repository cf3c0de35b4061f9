package io.github.pictory4j.images.client.internal.store;

/**
 * A job Pictory accepted, not yet seen to end.
 *
 * @param callsBack whether it was submitted with the service's webhook
 */
public record OpenJob(String jobId, boolean callsBack) {
}
