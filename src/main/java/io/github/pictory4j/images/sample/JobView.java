package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;

import java.math.BigDecimal;
import java.time.Instant;

/** A job as the sample's API shows it: Pictory's state plus what was asked for. */
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
        Instant createdAt) {

    static JobView of(SubmittedJob submitted) {
        ImageRequest request = submitted.request();
        ImageJob job = submitted.lastSeen();
        return new JobView(submitted.jobId(), job.status().value(), job.url(), job.width(), job.height(),
                job.aiCreditsUsed(), job.errorCode(), job.errorMessage(), request.prompt(), valueOf(request.model()),
                valueOf(request.aspectRatio()), valueOf(request.style()), submitted.createdAt());
    }

    private static String valueOf(Object value) {
        return value == null ? null : value.toString();
    }
}
