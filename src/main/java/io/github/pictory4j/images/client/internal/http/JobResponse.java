package io.github.pictory4j.images.client.internal.http;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Answer to {@code GET /v1/jobs/{jobId}}. {@code job_id} may be missing; the state is in {@code data}.
 */
public record JobResponse(
        @JsonbProperty("job_id") String jobId,
        Boolean success,
        JobData data,
        ErrorDetail error) {
}
