package io.github.pictory4j.images.client.internal.http;

/** Answer to {@code DELETE /v1/jobs/{jobId}/clean}: {@code {"success":true}}. */
public record CleanJobResponse(Boolean success, ErrorDetail error) {
}
