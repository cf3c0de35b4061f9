package io.github.pictory4j.images.telemetry;

import io.github.pictory4j.images.it.TestHttp;
import io.github.pictory4j.images.sample.SampleLogins;
import io.github.pictory4j.images.restart.LibertyProcess;
import io.github.pictory4j.images.telemetry.OtlpReceiver.ExportedMetric;
import io.github.pictory4j.images.telemetry.OtlpReceiver.ExportedSpan;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the sample exports through MicroProfile Telemetry, received by a local OTLP receiver as a collector
 * would: after a real job against the simulator (submitted, followed, called back, its image kept), the
 * module's spans by name, their parents (the JAX-RS server spans) and children (the REST client's HTTP
 * spans), their GenAI attributes, the metrics' values, and that no secret and no prompt was exported.
 * The sample runs in its own Liberty with the configuration `mvn liberty:run` gives it (liberty/config, the
 * WAR where server.xml declares it) and the README's OTEL_* variables. What was received is written to {@code target/telemetry-export.txt}.
 */
class TelemetryIT {

    private static final int PORT = Integer.getInteger("liberty.http.port", 9080) + 320;
    private static final String NAME = System.getProperty("liberty.it.server", "pictory-it") + "-telemetry";
    private static final String SECRET = "telemetry-it-webhook-secret-0123456789abcdef";
    private static final String PROMPT = "A lighthouse at dawn, telemetry words 51c9";
    private static final String SCOPE = "io.github.pictory4j.images.client";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static OtlpReceiver receiver;
    private static LibertyProcess app;

    @BeforeAll
    static void start() throws Exception {
        receiver = new OtlpReceiver();
        app = new LibertyProcess(NAME, PORT, Map.ofEntries(
                Map.entry("OTEL_SDK_DISABLED", "false"),
                Map.entry("OTEL_SERVICE_NAME", "pictory4j-sample"),
                Map.entry("OTEL_TRACES_EXPORTER", "otlp"),
                Map.entry("OTEL_METRICS_EXPORTER", "otlp"),
                Map.entry("OTEL_LOGS_EXPORTER", "none"),
                Map.entry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                Map.entry("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()),
                Map.entry("OTEL_METRIC_EXPORT_INTERVAL", "1000"),
                Map.entry("OTEL_BSP_SCHEDULE_DELAY", "100"),
                Map.entry("PICTORY_WEBHOOK_SECRET", SECRET),
                Map.entry("PICTORY_SIMULATOR_API_KEY", "pictai_simulator"), // read below; the sample makes one per run else
                Map.entry("PICTORY_BUDGET_DAILY_CREDITS", "50"),
                // The budget's gauge moves with real credits only: count the simulator's as real ones here.
                Map.entry("PICTORY_BUDGET_SIMULATED", "false"),
                // Polls far apart from the simulator's 3 s job, so that its callback, not a poll, ends the job:
                // the spans and the counts below then follow one path, however fast the callback comes.
                Map.entry("PICTORY_POLL_INTERVAL", "20s")));
        app.start(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (receiver != null) {
                dump();
                receiver.close();
            }
        }
    }

    @Test
    void aJobsSpansAndMetricsAreExportedInTheGenAiConventionsWithNoSecretAndNoPrompt() throws Exception {
        HttpResponse<String> accepted = TestHttp.send("POST", URI.create(app.baseUrl() + "/api/images"),
                "{\"prompt\":\"" + PROMPT + "\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\",\"style\":\"artistic\"}",
                SampleLogins.ALICE);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String jobId = TestHttp.json(accepted).getString("jobId");
        HttpResponse<String> forged = TestHttp.send("POST", URI.create(app.baseUrl() + "/api/pictory/webhook?token=forged"),
                "{\"job_id\":\"" + jobId + "\"}");
        assertEquals(401, forged.statusCode());
        awaitImageKept(jobId);

        ExportedSpan submit = awaitSpan("generate_content flux-schnell", span -> true);
        ExportedSpan follow = awaitSpan("follow_job flux-schnell", span -> true);
        ExportedSpan callback = awaitSpan("webhook_callback", span -> "accepted".equals(span.attribute("pictory.webhook.result")));
        ExportedSpan refused = awaitSpan("webhook_callback", span -> "refused".equals(span.attribute("pictory.webhook.result")));
        ExportedSpan download = awaitSpan("download_image", span -> true);

        // The submission: under the JAX-RS server span of POST /api/images, over the REST client's POST.
        ExportedSpan request = parentOf(submit);
        assertEquals(Span.SpanKind.SPAN_KIND_SERVER, request.kind(), request.toString());
        assertEquals("/api/images", request.attribute("http.route"), request.toString());
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, submit.kind());
        assertEquals(Map.of("gen_ai.operation.name", "generate_content", "gen_ai.provider.name", "pictory",
                "gen_ai.request.model", "flux-schnell", "gen_ai.output.type", "image", "gen_ai.response.id", jobId,
                "server.address", "localhost", "server.port", (long) PORT, "pictory.request.aspect_ratio", "16:9",
                "pictory.request.style", "artistic", "pictory.credits.estimated", 0.6), without(submit, "pictory.retries"));
        assertEquals(0L, submit.attribute("pictory.retries"));
        ExportedSpan post = onlyChild(submit, Span.SpanKind.SPAN_KIND_CLIENT);
        assertEquals("POST", post.attribute("http.request.method"), post.toString());

        // Following the job: the caller's too, its polls' HTTP GETs under it, the end by the callback's read.
        assertEquals(request.spanId(), follow.parentSpanId(), "following the job belongs to the request, after the submission");
        assertEquals(jobId, follow.attribute("gen_ai.response.id"));
        assertEquals("completed", follow.attribute("pictory.job.status"));
        assertEquals(0.6, follow.attribute("pictory.credits.used"));
        long polls = (Long) follow.attribute("pictory.polls");
        assertEquals(polls, children(follow, Span.SpanKind.SPAN_KIND_CLIENT).size(), "one HTTP GET per poll");
        assertEquals("webhook", follow.attribute("pictory.end.source"), follow.toString());

        // The callbacks: under the server span of POST /api/pictory/webhook; the genuine one over its read.
        assertEquals("/api/pictory/webhook", parentOf(callback).attribute("http.route"));
        assertEquals(jobId, callback.attribute("gen_ai.response.id"));
        assertEquals("GET", onlyChild(callback, Span.SpanKind.SPAN_KIND_CLIENT).attribute("http.request.method"));
        assertEquals("invalid_token", refused.attribute("error.type"));
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, refused.status().getCode());

        // The image: kept under the span that saw the end, over the JAX-RS client's GET of the PNG.
        assertTrue(List.of(callback.spanId(), follow.spanId()).contains(download.parentSpanId()), download.toString());
        assertEquals(jobId, download.attribute("gen_ai.response.id"));
        assertTrue((Long) download.attribute("pictory.image.bytes") > 1000, download.toString());
        assertEquals("GET", onlyChild(download, Span.SpanKind.SPAN_KIND_CLIENT).attribute("http.request.method"));

        // The metrics, once the job ended.
        Metric duration = awaitMetric("gen_ai.client.operation.duration");
        assertEquals("s", duration.getUnit());
        var operation = duration.getHistogram().getDataPointsList().get(0);
        assertEquals(1, operation.getCount());
        assertTrue(operation.getSum() > 2 && operation.getSum() < 30, "the simulator's 3 s job: " + operation.getSum());
        assertEquals(Map.of("gen_ai.operation.name", "generate_content", "gen_ai.provider.name", "pictory",
                "gen_ai.request.model", "flux-schnell", "pictory.job.outcome", "completed", "server.address", "localhost",
                "server.port", (long) PORT), OtlpReceiver.attributes(operation.getAttributesList()));
        assertEquals(0.6, point(awaitMetric("pictory.credits.used")).getAsDouble(), 1e-9);
        NumberDataPoint ended = point(awaitMetric("pictory.jobs.ended"));
        assertEquals(1, ended.getAsInt());
        assertEquals("completed", OtlpReceiver.attributes(ended.getAttributesList()).get("pictory.job.outcome"));
        var reads = awaitMetric("pictory.job.reads").getHistogram().getDataPointsList().get(0);
        assertEquals(polls + 1, (long) reads.getSum(), "the polls and the callback's read");
        Map<Object, Long> callbacks = awaitMetric("pictory.webhook.callbacks").getSum().getDataPointsList().stream()
                .collect(Collectors.toMap(point -> OtlpReceiver.attributes(point.getAttributesList()).get("pictory.webhook.result"),
                        NumberDataPoint::getAsInt));
        assertEquals(Map.of("accepted", 1L, "refused", 1L), callbacks);
        NumberDataPoint left = point(awaitMetric("pictory.budget.remaining"));
        assertEquals(49.4, left.getAsDouble(), 1e-9, "50 a day, 0.6 spent");
        assertEquals("day", OtlpReceiver.attributes(left.getAttributesList()).get("pictory.budget.period"));

        // Never exported: the key, the webhook secret, a callback token, the prompt. The simulator calls back
        // with the JDK's HTTP client, which no runtime instruments (as Pictory's call leaves no span here), and the
        // app's server span of each callback (the genuine one and the forged one) has its token replaced.
        String token = webhookToken(jobId);
        List<ExportedSpan> callbacksReceived = receiver.spans().stream()
                .filter(span -> span.kind() == Span.SpanKind.SPAN_KIND_SERVER
                        && "/api/pictory/webhook".equals(span.attribute("http.route")))
                .toList();
        assertEquals(2, callbacksReceived.size(), "the simulator's callback and the forged one: " + callbacksReceived);
        for (ExportedSpan received : callbacksReceived) {
            assertEquals("token=REDACTED", received.attribute("url.query"), received.toString());
        }
        List<String> exported = new ArrayList<>(receiver.metricsAndResources());
        receiver.spans().stream().map(ExportedSpan::text).forEach(exported::add);
        for (String secret : List.of("pictai_simulator", SECRET, token, PROMPT, "telemetry words")) {
            for (String text : exported) {
                assertFalse(text.contains(secret), "'" + secret + "' exported in: " + text);
            }
        }
    }

    private static void awaitImageKept(String jobId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (TestHttp.send("GET", URI.create(app.baseUrl() + "/api/images/" + jobId + "/image"), null,
                    SampleLogins.ALICE).statusCode() == 200) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("job " + jobId + "'s image not kept within " + WAIT);
    }

    /** The token the app gave the simulator for the job's callback, as the simulator's traffic shows it. */
    private static String webhookToken(String jobId) throws Exception {
        HttpResponse<String> traffic = TestHttp.send("GET", URI.create(app.baseUrl()
                + "/simulator/pictoryapis/simulator-traffic/jobs/" + jobId), null, "Authorization", "pictai_simulator");
        JsonObject json = TestHttp.json(traffic);
        String webhook = json.getString("webhook");
        String token = URI.create(webhook).getQuery().substring("token=".length());
        assertTrue(token.length() > 20, webhook);
        return token;
    }

    private static ExportedSpan awaitSpan(String name, Predicate<ExportedSpan> which) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ExportedSpan> found = receiver.spans().stream()
                    .filter(span -> SCOPE.equals(span.scope()) && span.name().equals(name) && which.test(span)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no span " + name + " exported; got " + receiver.spans().stream().map(ExportedSpan::name).toList());
    }

    private static Metric awaitMetric(String name) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ExportedMetric> found = receiver.metrics().stream()
                    .filter(metric -> SCOPE.equals(metric.scope()) && metric.metric().getName().equals(name)).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1).metric(); // the latest export (cumulative)
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no metric " + name + " exported");
    }

    private static NumberDataPoint point(Metric metric) {
        List<NumberDataPoint> points = metric.hasSum() ? metric.getSum().getDataPointsList() : metric.getGauge().getDataPointsList();
        assertEquals(1, points.size(), metric.toString());
        return points.get(0);
    }

    private static ExportedSpan parentOf(ExportedSpan span) {
        return receiver.spans().stream().filter(candidate -> candidate.spanId().equals(span.parentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError("no parent exported for " + span));
    }

    private static List<ExportedSpan> children(ExportedSpan span, Span.SpanKind kind) {
        return receiver.spans().stream().filter(child -> child.parentSpanId().equals(span.spanId()) && child.kind() == kind)
                .toList();
    }

    private static ExportedSpan onlyChild(ExportedSpan span, Span.SpanKind kind) {
        List<ExportedSpan> children = children(span, kind);
        assertEquals(1, children.size(), span.name() + "'s " + kind + " children: " + children);
        return children.get(0);
    }

    private static Map<String, Object> without(ExportedSpan span, String key) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(span.attributes());
        attributes.remove(key);
        return attributes;
    }

    /** What was received, for reading (and for the README's examples). */
    private static void dump() throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        receiver.spans().forEach(span -> lines.add("span " + span));
        receiver.metrics().stream().filter(metric -> SCOPE.equals(metric.scope()))
                .forEach(metric -> lines.add("metric " + metric.metric().toString().replace('\n', ' ')));
        Files.write(Path.of("target/telemetry-export.txt"), lines);
        assertNotNull(lines);
    }
}
