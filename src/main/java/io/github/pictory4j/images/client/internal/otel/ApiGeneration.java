package io.github.pictory4j.images.client.internal.otel;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongHistogramBuilder;

import java.util.List;

/**
 * Which generation of the OpenTelemetry API the runtime gives the module. MicroProfile Telemetry 2.0 requires API
 * 1.39 and the stable HTTP conventions; MicroProfile Telemetry 1.x (Payara 6 has API 1.29) predates bucket advice
 * (API 1.32), and its runtimes name HTTP attributes after the conventions before 1.20 ({@code http.target},
 * {@code http.url}, not {@code url.query}).
 */
final class ApiGeneration {

    /** Whether the API predates 1.32: no bucket advice, and the older HTTP conventions. */
    static final boolean LEGACY = !hasBucketAdvice();

    private ApiGeneration() {
    }

    /** The histogram with its buckets advised; on a legacy API, the SDK's default buckets apply. */
    static DoubleHistogram histogram(DoubleHistogramBuilder histogram, List<Double> buckets) {
        return LEGACY ? histogram.build() : histogram.setExplicitBucketBoundariesAdvice(buckets).build();
    }

    static LongHistogram histogram(LongHistogramBuilder histogram, List<Long> buckets) {
        return LEGACY ? histogram.build() : histogram.setExplicitBucketBoundariesAdvice(buckets).build();
    }

    private static boolean hasBucketAdvice() {
        try {
            DoubleHistogramBuilder.class.getMethod("setExplicitBucketBoundariesAdvice", List.class);
            return true;
        } catch (NoSuchMethodException olderApi) {
            return false;
        }
    }
}
