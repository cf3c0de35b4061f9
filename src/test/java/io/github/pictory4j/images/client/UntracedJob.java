package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryLoader;

import java.time.Duration;

/** Run by {@link WithoutOpenTelemetryTest} in its class loader, where no OpenTelemetry class exists. */
public final class UntracedJob {

    private UntracedJob() {
    }

    /** The telemetry the loader chose and the job's status, as one line. */
    public static String run(String baseUrl, String key) {
        Telemetry telemetry = TelemetryLoader.load(TelemetryConfig.of(false, baseUrl));
        try (PictoryClient client = PictoryClient.builder().apiKey(key).baseUrl(baseUrl)
                .settings(new PictorySettings(Duration.ofMillis(50), Duration.ofSeconds(20), RetryPolicy.none()))
                .budget(BudgetSettings.of(null, java.math.BigDecimal.TEN)).build()) {
            ImageJob job = client.generate(ImageRequest.builder("A lighthouse at dawn").build());
            return "telemetry " + (telemetry == Telemetry.NONE ? "NONE" : telemetry) + ", job " + job.status().value();
        }
    }
}
