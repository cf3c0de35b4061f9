package io.github.pictory4j.images.client;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A job's state as Pictory last reported it.
 *
 * @param jobId          the job's id
 * @param status         in-progress, completed, failed, cleaned, or a status this library does not know
 * @param url            for a completed job, a direct PNG link (Pictory purges it after a while:
 *                       download what you keep)
 * @param width          pixel width of the completed image, as Pictory reports it
 * @param height         pixel height of the completed image
 * @param aiCreditsUsed  credits the job spent
 * @param errorCode      for a failed job, Pictory's code
 * @param errorMessage   for a failed job, Pictory's explanation
 */
public record ImageJob(
        String jobId,
        JobStatus status,
        String url,
        Integer width,
        Integer height,
        BigDecimal aiCreditsUsed,
        String errorCode,
        String errorMessage) {

    public boolean isCompleted() {
        return JobStatus.COMPLETED.equals(status);
    }

    public boolean isFailed() {
        return JobStatus.FAILED.equals(status);
    }

    /** Whether the job has reached a state it will not leave (completed, failed or cleaned). */
    public boolean isTerminal() {
        return status != null && status.isTerminal();
    }

    public Optional<String> imageUrl() {
        return Optional.ofNullable(url);
    }
}
