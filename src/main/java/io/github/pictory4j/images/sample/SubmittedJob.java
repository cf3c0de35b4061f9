package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;

import java.time.Instant;

/** A job this app submitted: what was asked, when, and its state as last seen. */
record SubmittedJob(String jobId, ImageRequest request, Instant createdAt, ImageJob lastSeen) {

    SubmittedJob seen(ImageJob job) {
        return new SubmittedJob(jobId, request, createdAt, job);
    }
}
