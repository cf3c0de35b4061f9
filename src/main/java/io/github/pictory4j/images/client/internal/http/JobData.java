package io.github.pictory4j.images.client.internal.http;

import jakarta.json.bind.annotation.JsonbProperty;

import java.math.BigDecimal;

/** The {@code data} object of a job: its status and, once finished, its result or error. */
public record JobData(
        String status,
        String url,
        Integer width,
        Integer height,
        BigDecimal aiCreditsUsed,
        @JsonbProperty("error_code") String errorCode,
        @JsonbProperty("error_message") String errorMessage) {
}
