package io.github.pictory4j.images.client.internal.http;

/**
 * Answer to {@code POST /v1/aistudio/images}: {@code {"success":true,"data":{"jobId":"…"}}}, or
 * Pictory's older error envelope {@code {"success":false,"error":{…}}}.
 */
public record CreateJobResponse(Boolean success, CreatedJob data, ErrorDetail error) {

    /** The {@code data} object. */
    public record CreatedJob(String jobId) {
    }
}
