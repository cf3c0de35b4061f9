package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.simulator.control.SimulatorControl;
import io.github.pictory4j.images.telemetry.OtlpReceiver;
import io.github.pictory4j.images.telemetry.OtlpReceiver.ExportedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.github.pictory4j.images.runtimes.ConsumerDeployments.RUNTIME;
import static io.github.pictory4j.images.runtimes.ConsumerDeployments.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The callback token, the key, the webhook secret and the prompt stay out of what the runtime's own telemetry
 * exports, checked on each runtime rather than assumed. The app turns the runtime's OpenTelemetry on for itself
 * (MicroProfile Telemetry's {@code otel.*} settings in its properties), exporting over OTLP to a receiver in
 * this test; a job with webhooks runs, and a forged callback is sent. Every exported span, and the server's log
 * ({@code runtime.log}), are then searched.
 *
 * <p>Where the module sees the OpenTelemetry API ({@code runtime.otel.api-visible}: WildFly and Payara give it to
 * every app), its spans are exported, and it replaces the query of the runtime's server span of every callback.
 * Where it does not (an Open Liberty app without {@code +third-party}), the runtime exports that query as sent
 * (the forged token shows it), so the module hands Pictory no callback URL at all: the job is polled.
 */
@ExtendWith(ArquillianExtension.class)
class RuntimeTelemetryIT {

    private static final String NAME = "consumer-telemetry";
    private static final boolean API_VISIBLE = Boolean.parseBoolean(System.getProperty("runtime.otel.api-visible", "false"));
    private static final Path LOG = Path.of(System.getProperty("runtime.log",
            "target/liberty/wlp/usr/servers/pictory-tests/logs/messages.log"));
    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    private static final String PROMPT = "A lighthouse at dawn, exported words " + MARK;
    private static final String FORGED = "forged-" + MARK;
    private static final OtlpReceiver RECEIVER = receiver();

    @Deployment(testable = false)
    static WebArchive app() {
        return ConsumerDeployments.consumer(NAME, "pictory.api-key=" + ConsumerDeployments.KEY + "\n"
                + "pictory.webhook.url=" + ConsumerDeployments.webhookUrl(NAME) + "\n"
                + "otel.sdk.disabled=false\n"
                + "otel.service.name=pictory4j-runtime-suite\n"
                + "otel.traces.exporter=otlp\n"
                + "otel.metrics.exporter=none\n"
                + "otel.logs.exporter=none\n"
                + "otel.exporter.otlp.protocol=http/protobuf\n"
                + "otel.exporter.otlp.endpoint=" + RECEIVER.endpoint() + "\n"
                + "otel.bsp.schedule.delay=100\n");
    }

    @AfterAll
    static void stopTheReceiver() {
        RECEIVER.close();
    }

    @Test
    void noTokenKeySecretOrPromptIsExportedOrLogged() throws Exception {
        SimulatorControl simulator = ConsumerDeployments.simulator(NAME);
        assertEquals(API_VISIBLE, json(NAME, "GET", "settings", null, 200).getBoolean("webhooks"),
                RUNTIME + ": webhooks stay only where the module can replace the token in the runtime's spans");

        JsonObject job = json(NAME, "POST", "generate", "{\"prompt\":\"" + PROMPT + "\"}", 200);
        String jobId = job.getString("jobId");
        assertEquals("completed", job.getString("status"), job.toString());
        HttpResponse<String> forged = ConsumerDeployments.call(NAME, "POST", "webhook?token=" + FORGED,
                "{\"job_id\":\"" + jobId + "\"}");
        assertEquals(401, forged.statusCode(), forged.body());

        String webhook = simulator.job(jobId).webhook();
        List<String> secrets = new ArrayList<>(List.of(ConsumerDeployments.KEY, PROMPT, System.getenv("PICTORY_WEBHOOK_SECRET")));
        if (API_VISIBLE) {
            assertTrue(webhook != null && webhook.contains("?token="), "the job was submitted with its callback: " + webhook);
            String token = URI.create(webhook).getQuery().substring("token=".length());
            secrets.add(token);
            secrets.add(FORGED);
            awaitAccepted(jobId);
            awaitSpan("the module's submission", span -> span.name().startsWith("generate_content")
                    && jobId.equals(span.attribute("gen_ai.response.id")));
            List<ExportedSpan> callbacks = List.of(awaitSpan("the genuine callback's server span",
                            span -> isCallback(span) && span.text().contains("204")),
                    awaitSpan("the forged callback's server span", span -> isCallback(span) && span.text().contains("401")));
            for (ExportedSpan callback : callbacks) {
                assertTrue(callback.text().contains("token=REDACTED"), RUNTIME + ": " + callback.text());
            }
        } else {
            assertNull(webhook, RUNTIME + ": no callback URL was handed to Pictory");
            ExportedSpan callback = awaitSpan("the forged callback's server span", RuntimeTelemetryIT::isCallback);
            assertTrue(callback.text().contains(FORGED), RUNTIME + " exports a callback's query as sent, which is why"
                    + " webhooks are off here: " + callback.text());
        }
        List<String> exported = Stream.concat(RECEIVER.spans().stream().map(ExportedSpan::text), logs().stream()).toList();
        for (String secret : secrets) {
            for (String text : exported) {
                assertFalse(text.contains(secret), RUNTIME + ": '" + secret + "' exported or logged in: " + text);
            }
        }
    }

    private static boolean isCallback(ExportedSpan span) {
        return span.kind() == Span.SpanKind.SPAN_KIND_SERVER && span.text().contains("/consumer/webhook");
    }

    private static ExportedSpan awaitSpan(String what, Predicate<ExportedSpan> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ExportedSpan span : RECEIVER.spans()) {
                if (which.test(span)) {
                    return span;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(RUNTIME + ": " + what + " was not exported; received: "
                + RECEIVER.spans().stream().map(ExportedSpan::text).toList());
    }

    private static void awaitAccepted(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (json(NAME, "GET", "jobs/" + jobId + "/callbacks", null, 200).getInt("accepted") == 0) {
            assertTrue(System.nanoTime() < deadline, RUNTIME + ": no callback accepted for " + jobId);
            Thread.sleep(100);
        }
    }

    /** The server's log, and the files it rolled over to or numbered (Payara writes {@code name.0}). */
    private static List<String> logs() throws IOException {
        Path dir = LOG.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(LOG.getFileName().toString()))
                    .map(file -> {
                        try {
                            return Files.readString(file, StandardCharsets.ISO_8859_1);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    private static OtlpReceiver receiver() {
        try {
            return new OtlpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
