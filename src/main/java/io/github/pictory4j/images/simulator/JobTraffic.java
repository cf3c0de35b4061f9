package io.github.pictory4j.images.simulator;

/**
 * What a job cost the simulator: how many times a client read its state ({@code GET /v1/jobs/{id}})
 * and how many webhook calls the simulator made for it, and to which URL (what a test needs to replay
 * or forge a callback).
 */
public record JobTraffic(String jobId, int reads, int callbacks, String webhook) {
}
