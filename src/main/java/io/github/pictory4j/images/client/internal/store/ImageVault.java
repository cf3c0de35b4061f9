package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.internal.images.PngCheck;
import io.github.pictory4j.images.client.KeptImage;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where completed jobs' PNGs are kept, whether or not Pictory still has them. A job whose end the
 * {@link JobRecords} recorded as completed is due for keeping; the {@code ImageKeeper} downloads it.
 */
public interface ImageVault {

    /** No vault: images are not kept (the in-memory store). */
    ImageVault NONE = new ImageVault() {
        @Override
        public List<String> due(Instant now, int limit) {
            return List.of();
        }

        @Override
        public Optional<Download> claim(String jobId, String owner, Instant now, Instant until) {
            return Optional.empty();
        }

        @Override
        public void keep(String jobId, PngCheck png, Instant now) {
            throw new UnsupportedOperationException("no vault");
        }

        @Override
        public void failed(String jobId, String problem, Instant retryAt, Instant now) {
        }

        @Override
        public Optional<KeptImage> find(String jobId) {
            return Optional.empty();
        }
    };

    /** Jobs whose image is due for (another) download at {@code now} and unclaimed, oldest first. */
    List<String> due(Instant now, int limit);

    /** Claims a due image's download until {@code until}; empty when it is not due or someone else has it. */
    Optional<Download> claim(String jobId, String owner, Instant now, Instant until);

    /** Stores the PNG as it streams in (header already read), replacing any earlier attempt. */
    void keep(String jobId, PngCheck png, Instant now) throws IOException;

    /** The download failed: try again at {@code retryAt}, or never when it is null. */
    void failed(String jobId, String problem, Instant retryAt, Instant now);

    /** The kept image of a job, if it is kept. */
    Optional<KeptImage> find(String jobId);

    /**
     * A claimed download.
     *
     * @param attempts the attempts made before this one
     */
    record Download(String jobId, String url, int attempts) {
    }
}
