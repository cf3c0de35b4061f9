package io.github.pictory4j.images.client.internal.http;

import jakarta.json.bind.annotation.JsonbProperty;

/** Pictory's older error envelope: {@code "error": {"error_code": 890, "error_message": "…"}}. */
public record ErrorDetail(
        @JsonbProperty("error_code") String errorCode,
        @JsonbProperty("error_message") String errorMessage) {
}
