package io.github.pictory4j.images.client.internal.otel;

import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The callback request's server span, as a runtime records it (the query in the stable HTTP conventions; the target
 * and full URL in those before 1.20; the token in each), exported after the module's redaction: no token left.
 */
class CallbackRedactionTest {

    private static final String TOKEN = "A417CmRVA3eyWnctJWARaAAAAABrEvzE.-qXX4a-UJdQSrHPT6Cgphoyk66PGw33";
    private static final TelemetryConfig CONFIG = TelemetryConfig.of(false, "https://api.pictory.ai/pictoryapis")
            .withCallback("https://app.example.com/api/pictory/webhook");

    @Test
    void theStableConventionsQueryIsReplaced() {
        SpanData exported = callbackSpan(false);

        assertEquals("token=REDACTED", exported.getAttributes().get(AttributeKey.stringKey("url.query")));
        assertFalse(exported.getAttributes().toString().contains(TOKEN), exported.getAttributes().toString());
    }

    @Test
    void theOlderConventionsTargetAndUrlAreReplacedToo() {
        SpanData exported = callbackSpan(true);

        assertEquals("/api/pictory/webhook?token=REDACTED", exported.getAttributes().get(AttributeKey.stringKey("http.target")));
        assertEquals("https://app.example.com/api/pictory/webhook?token=REDACTED",
                exported.getAttributes().get(AttributeKey.stringKey("http.url")));
        assertFalse(exported.getAttributes().toString().contains(TOKEN), exported.getAttributes().toString());
    }

    private static SpanData callbackSpan(boolean olderConventions) {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            SpanBuilder recorded = tracing.get("runtime").spanBuilder("POST /api/pictory/webhook").setSpanKind(SpanKind.SERVER);
            if (olderConventions) {
                recorded.setAttribute("http.target", "/api/pictory/webhook?token=" + TOKEN)
                        .setAttribute("http.url", "https://app.example.com/api/pictory/webhook?token=" + TOKEN);
            } else {
                recorded.setAttribute("url.path", "/api/pictory/webhook").setAttribute("url.query", "token=" + TOKEN);
            }
            Span request = recorded.startSpan();
            CallbackRedaction.redact(request, CONFIG, olderConventions);
            request.end();
            return exporter.getFinishedSpanItems().get(0); // before the exporter's shutdown forgets it
        }
    }
}
