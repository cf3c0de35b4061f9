package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.github.pictory4j.images.client.internal.webhooks.CallbackTokenGuard;
import io.github.pictory4j.images.client.internal.otel.OtelTelemetry;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callback tokens travel in the webhook's URL, and a runtime that exports telemetry records that URL's query
 * on the callback's server span. The module replaces it there, but only where it sees the OpenTelemetry API:
 * where it does not and the runtime exports, webhooks give way to polling, with a warning that says why.
 */
class WebhooksUnderRuntimeTelemetryTest {

    private static final String SECRET = "unit-test-webhook-secret-0123456789abcdef";

    private final VirtualScheduler time = VirtualScheduler.manual();
    private final List<PictoryClient> clients = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    WebhooksUnderRuntimeTelemetryTest() {
        Logger.getLogger(CallbackTokenGuard.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(CallbackTokenGuard.class.getName()).removeHandler(capture);
        clients.forEach(PictoryClient::close);
    }

    @Test
    void withoutTheApiWhileTheRuntimeExportsJobsArePolledAndTheWarningNamesTheFix() {
        PictoryClient client = client(Telemetry.NONE, new TelemetrySettings(false, true));

        assertFalse(client.webhooksEnabled(), "no callback URL, so no token, is handed to Pictory");
        assertEquals(List.of(CallbackTokenGuard.WARNING), warnings);
        assertTrue(warnings.get(0).contains("apiTypeVisibility=\"+third-party\""), warnings.get(0));
        assertTrue(warnings.get(0).contains("otel.sdk.disabled=false"), warnings.get(0));
    }

    @Test
    void withoutTheApiWhileTheRuntimeExportsNothingWebhooksStay() {
        assertTrue(client(Telemetry.NONE, new TelemetrySettings(false, false)).webhooksEnabled());
        assertEquals(List.of(), warnings);
    }

    @Test
    void withTheApiWebhooksStayForTheModuleReplacesTheTokenOnTheServerSpan() {
        Telemetry seen = new OtelTelemetry(OpenTelemetry.noop(), TelemetryConfig.of(false, "http://localhost/pictoryapis"));

        assertTrue(client(seen, new TelemetrySettings(false, true)).webhooksEnabled());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theRuntimesSwitchIsReadFromMicroProfileConfigAsTheRuntimeSpellsIt() {
        assertTrue(PictoryConfig.telemetry(config(TelemetrySettings.OTEL_SDK_DISABLED, "false")).runtimeExports());
        assertTrue(PictoryConfig.telemetry(config(TelemetrySettings.OTEL_SDK_DISABLED, " FALSE ")).runtimeExports());
        assertFalse(PictoryConfig.telemetry(config(TelemetrySettings.OTEL_SDK_DISABLED, "true")).runtimeExports());
        assertFalse(PictoryConfig.telemetry(config("unrelated", "x")).runtimeExports(), "off by default");
    }

    private static Config config(String name, String value) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(name, value), "test", 100)).build();
    }

    private PictoryClient client(Telemetry telemetry, TelemetrySettings settings) {
        PictoryClient built = PictoryClient.builder().api(RestClients.api("http://127.0.0.1:9/pictoryapis"))
                .apiKey(RestClients.KEY)
                .settings(new PictorySettings(Duration.ofSeconds(30), Duration.ofMinutes(1), RetryPolicy.none()))
                .webhooks(WebhookSupport.of("https://app.example.com/api/pictory/webhook", SECRET, Duration.ofHours(1),
                        Duration.ofSeconds(30), time.clock()))
                .telemetry(settings).telemetry(telemetry)
                .scheduler(time).clock(time.clock()).build();
        clients.add(built);
        return built;
    }
}
