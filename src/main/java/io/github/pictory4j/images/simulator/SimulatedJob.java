package io.github.pictory4j.images.simulator;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One image job. Its status follows from the clock rather than from a stored state, so that it is
 * right at any moment even if no task has run yet: in progress until {@code finishesAt}, then
 * completed (or failed, for a prompt with {@value ImageOrder#FAIL_MARKER}), unless cleaned.
 *
 * @param sequence  its place among all jobs, later jobs higher: the listing's order and page keys
 * @param imageUrl  where its PNG will be downloadable, fixed when the job is created (as Pictory's are)
 */
public record SimulatedJob(String id, long sequence, ImageOrder order, Instant createdAt, Instant finishesAt,
                           URI imageUrl, boolean cleaned) {

    public SimulatedJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishesAt, "finishesAt");
        Objects.requireNonNull(imageUrl, "imageUrl");
    }

    public SimulatedStatus status(Instant now) {
        if (cleaned) {
            return SimulatedStatus.CLEANED;
        }
        if (now.isBefore(finishesAt)) {
            return SimulatedStatus.IN_PROGRESS;
        }
        return order.fails() ? SimulatedStatus.FAILED : SimulatedStatus.COMPLETED;
    }

    public boolean isCompleted(Instant now) {
        return status(now) == SimulatedStatus.COMPLETED;
    }

    public ImageSize size() {
        return ImageSize.of(order.aspectRatio());
    }

    public SimulatedJob asCleaned() {
        return new SimulatedJob(id, sequence, order, createdAt, finishesAt, imageUrl, true);
    }
}
