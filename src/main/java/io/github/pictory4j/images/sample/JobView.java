package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.JobRecord;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A job as the sample's API shows it: Pictory's latest state, what was asked, and where its kept image
 * is served.
 *
 * @param url   Pictory's own link to the PNG (purged after a while)
 * @param image the kept image's path on this app ({@code /api/images/{id}/image}), once it is kept
 * @param imageState NONE, PENDING, KEPT or FAILED (see {@code imageProblem})
 * @param owner the user it was charged to (null for a job from before jobs had owners)
 */
public record JobView(
        String jobId,
        String status,
        String url,
        Integer width,
        Integer height,
        BigDecimal aiCreditsUsed,
        String errorCode,
        String errorMessage,
        String prompt,
        String model,
        String aspectRatio,
        String style,
        Instant createdAt,
        Instant endedAt,
        String image,
        String imageState,
        String imageProblem,
        String owner) {

    static JobView of(JobRecord record) {
        JobRequest request = record.request();
        ImageRequest image = request instanceof ImageRequest asked ? asked : null;
        ImageJob job = record.lastSeen();
        JobRecord.KeptImageState kept = record.image();
        return new JobView(record.jobId(), job.status().value(), job.url(), job.width(), job.height(),
                job.aiCreditsUsed(), job.errorCode(), job.errorMessage(),
                request == null ? null : request.prompt(), request == null ? null : valueOf(request.model()),
                image == null ? null : valueOf(image.aspectRatio()), image == null ? null : valueOf(image.style()),
                record.createdAt(), record.endedAt(),
                kept.status() == JobRecord.KeptImageState.Status.KEPT ? "/api/images/" + record.jobId() + "/image" : null,
                kept.status().name(), kept.problem(), record.spender() == null ? null : record.spender().user());
    }

    private static String valueOf(Object value) {
        return value == null ? null : value.toString();
    }
}
