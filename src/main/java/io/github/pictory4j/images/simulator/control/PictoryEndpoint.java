package io.github.pictory4j.images.simulator.control;

/**
 * The parts of Pictory's API the simulator serves: what a fault is scripted for and what a recorded
 * request hit. The control API's JSON spells them in lower case with hyphens ({@code "get-job"}).
 */
public enum PictoryEndpoint {
    /** {@code POST /v1/aistudio/images}: starts a job. */
    SUBMIT,
    /** {@code GET /v1/jobs/{jobId}}: a job's state. */
    GET_JOB,
    /** {@code DELETE /v1/jobs/{jobId}/clean}: removes a finished job's outputs. */
    CLEAN_JOB,
    /** {@code GET /v1/aistudio/images}: the account's images, by page. */
    LIST_IMAGES,
    /** {@code GET /images/{jobId}.png}: a completed job's PNG (a direct link, without a key). */
    DOWNLOAD_IMAGE
}
