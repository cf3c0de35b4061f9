package io.github.pictory4j.images.client.internal.otel;

import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.opentelemetry.api.trace.Span;

import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.HTTP_TARGET;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.HTTP_URL;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.URL_QUERY;

/**
 * Takes the callback's token out of the runtime's server span of the callback request. Pictory calls a bare URL,
 * so the token travels in its query, and the runtime's HTTP instrumentation records the query as sent (none of
 * the runtimes tested redacts it). Attributes set later win, so the span is exported without the token.
 */
final class CallbackRedaction {

    static final String REDACTED_QUERY = "token=REDACTED";

    private CallbackRedaction() {
    }

    /** Replaces the query in {@code request}, the current server span, however its conventions record it. */
    static void redact(Span request, TelemetryConfig config) {
        redact(request, config, ApiGeneration.LEGACY);
    }

    /** {@link #redact(Span, TelemetryConfig)} for a runtime of the older HTTP conventions, or not. */
    static void redact(Span request, TelemetryConfig config, boolean olderConventions) {
        if (!request.isRecording()) {
            return;
        }
        request.setAttribute(URL_QUERY, REDACTED_QUERY);
        if (olderConventions && config.callbackUrl() != null) {
            // The older conventions record the query in the target and the full URL instead.
            request.setAttribute(HTTP_TARGET, config.callbackPath() + "?" + REDACTED_QUERY);
            request.setAttribute(HTTP_URL, config.callbackUrl() + "?" + REDACTED_QUERY);
        }
    }
}
