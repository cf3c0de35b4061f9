package io.github.pictory4j.images.client.internal.store;

import java.time.Instant;
import java.util.Optional;

/** Which webhook callback belongs to which job: the webhook handling and the waits ask here. */
public interface CallbackBindings {

    /**
     * The job a verified callback token's nonce belongs to. A callback that outran its submission's
     * answer binds the nonce to the job it names ({@code claimedJobId}), while its token is valid;
     * a nonce the store never recorded has no job.
     */
    Optional<String> jobForCallback(String nonce, String claimedJobId, Instant now);

    /** Whether the job was submitted with this service's webhook and has not been seen to end. */
    boolean expectsCallback(String jobId);
}
