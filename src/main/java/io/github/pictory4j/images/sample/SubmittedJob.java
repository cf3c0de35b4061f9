package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;

import java.time.Duration;
import java.time.Instant;

/** A job this app submitted: what was asked, when, its state as last seen, and when that was read. */
record SubmittedJob(String jobId, ImageRequest request, Instant createdAt, ImageJob lastSeen, Instant refreshedAt) {

    SubmittedJob seen(ImageJob job, Instant at) {
        return new SubmittedJob(jobId, request, createdAt, job, at);
    }

    /** Whether Pictory should be asked again: the job may still change and the last read is old enough. */
    boolean needsRefresh(Instant now, Duration minimumAge) {
        return !lastSeen.isTerminal() && !refreshedAt.plus(minimumAge).isAfter(now);
    }
}
