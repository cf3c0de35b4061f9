package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;
import io.github.pictory4j.images.client.internal.otel.OtelTelemetry;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import io.github.pictory4j.images.client.webhook.WebhookTokens;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module's spans and metrics through the OpenTelemetry SDK, with in-memory exporters: names,
 * parents, the GenAI conventions' attributes, the metrics' values, and what is never recorded.
 */
class TelemetryTest {

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String IMAGES = RestClients.IMAGES;
    private static final String SECRET = "telemetry-test-webhook-secret-0123456789abcdef";
    private static final String PROMPT = "A lighthouse at dawn, private words 7f3e";
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    private final VirtualScheduler time = VirtualScheduler.manual();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk sdk;
    private Tracer app;
    private TestDatabases.TestDatabase db;
    private PictoryClient client;

    @BeforeEach
    void start() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build();
        app = sdk.getTracer("the-app");
        db = TestDatabases.h2();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sdk.close();
        if (db != null) { // null when the database was not reachable and the test did not run
            db.close();
        }
    }

    private PictoryClient client(boolean recordPrompt) {
        return client(recordPrompt, BudgetSettings.of(new BigDecimal("10"), null), false);
    }

    private PictoryClient client(boolean recordPrompt, BudgetSettings budget, boolean spenderUser) {
        client = PictoryClient.builder().api(RestClients.api(pictory.baseUrl())).apiKey(RestClients.KEY)
                .settings(new PictorySettings(INTERVAL, Duration.ofMinutes(10), new RetryPolicy(1, Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(30))))
                .webhooks(WebhookSupport.of("https://app.example.com/api/pictory/webhook", SECRET, Duration.ofHours(1),
                        INTERVAL, time.clock()))
                .scheduler(time).clock(time.clock()).jitter(() -> 0).owner("a")
                .dataSource(db.dataSource()).budget(budget)
                .telemetry(new OtelTelemetry(sdk, TelemetryConfig.of(recordPrompt, pictory.baseUrl() + "/pictoryapis")
                        .withSpenderUser(spenderUser)))
                .build();
        return client;
    }

    /** Pictory answers the first submission 503, the second with the job; the job runs. */
    private static void pictoryAcceptsOnTheSecondTry(String jobId) {
        pictory.stubFor(post(IMAGES).inScenario("submit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        pictory.stubFor(post(IMAGES).inScenario("submit").whenScenarioStateIs("up")
                .willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"" + jobId + "\"}}")));
        jobIs(jobId, "{\"status\":\"in-progress\"}");
    }

    private static void jobIs(String jobId, String data) {
        pictory.stubFor(get("/pictoryapis/v1/jobs/" + jobId).willReturn(okJson("{\"job_id\":\"" + jobId
                + "\",\"success\":true,\"data\":" + data + "}")));
    }

    private static String callbackToken() {
        String body = pictory.findAll(postRequestedFor(urlEqualTo(IMAGES))).get(0).getBodyAsString();
        String webhook = Json.createReader(new StringReader(body)).readObject().getString("webhook");
        return URI.create(webhook).getQuery().substring("token=".length());
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + names()));
    }

    private List<String> names() {
        return spans.getFinishedSpanItems().stream().map(SpanData::getName).toList();
    }

    private static String attribute(SpanData span, String key) {
        Object value = span.getAttributes().get(AttributeKey.stringKey(key));
        return value == null ? null : value.toString();
    }

    private static Object any(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(entry -> entry.getKey().getKey().equals(key))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private Map<String, MetricData> metricsByName() {
        return metrics.collectAllMetrics().stream().collect(Collectors.toMap(MetricData::getName, metric -> metric));
    }

    private static Collection<? extends PointData> points(MetricData metric) {
        return metric.getData().getPoints();
    }

    @Test
    void aJobsSpansSitUnderTheirCallersAndCarryTheGenAiConventionsAttributes() throws IOException {
        PictoryClient pictoryClient = client(false);
        pictoryAcceptsOnTheSecondTry("job-traced");
        pictory.stubFor(get("/cdn/job-traced.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(png())));

        Span request = app.spanBuilder("POST /api/images").startSpan();
        try (Scope in = request.makeCurrent()) {
            pictoryClient.submitAsync(ImageRequest.builder(PROMPT).model(ImageModel.SEEDREAM_3_0)
                    .aspectRatio(AspectRatio.LANDSCAPE_16_9).style(ImageStyle.ARTISTIC).build());
        } finally {
            request.end();
        }
        time.advance(Duration.ofSeconds(1)); // the submission's retry, one second later
        jobIs("job-traced", "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/job-traced.png\","
                + "\"width\":1024,\"height\":576,\"aiCreditsUsed\":2}");
        // As the runtime's span of the request records it: the token is in the query.
        Span callback = app.spanBuilder("POST /api/pictory/webhook").setAttribute("url.query", "token=" + callbackToken())
                .startSpan();
        try (Scope in = callback.makeCurrent()) {
            assertFalse(pictoryClient.acceptCallback(new WebhookTokens("another-secret-entirely-0123456789abcdef",
                    Duration.ofHours(1), time.clock()).issue().token(), "job-traced"), "a forged callback");
            assertTrue(pictoryClient.acceptCallback(callbackToken(), "job-traced"));
        } finally {
            callback.end();
        }
        time.runDue(); // the callback's read, then the image's download

        SpanData submit = span("generate_content seedream3.0");
        assertEquals(request.getSpanContext().getSpanId(), submit.getParentSpanId(), "under the caller's span");
        assertEquals(io.opentelemetry.api.trace.SpanKind.CLIENT, submit.getKind());
        assertEquals("generate_content", attribute(submit, "gen_ai.operation.name"));
        assertEquals("pictory", attribute(submit, "gen_ai.provider.name"));
        assertEquals("seedream3.0", attribute(submit, "gen_ai.request.model"));
        assertEquals("image", attribute(submit, "gen_ai.output.type"));
        assertEquals("job-traced", attribute(submit, "gen_ai.response.id"));
        assertEquals("localhost", attribute(submit, "server.address"));
        assertEquals((long) pictory.getPort(), any(submit, "server.port"));
        assertEquals("16:9", attribute(submit, "pictory.request.aspect_ratio"));
        assertEquals("artistic", attribute(submit, "pictory.request.style"));
        assertEquals(2.0, any(submit, "pictory.credits.estimated"));
        assertEquals(1L, any(submit, "pictory.retries"), "the 503 and its retry are inside the span");
        assertNull(attribute(submit, "error.type"));
        assertNull(attribute(submit, "gen_ai.input.messages"), "no prompt unless allowed");

        SpanData follow = span("follow_job seedream3.0");
        assertEquals(request.getSpanContext().getSpanId(), follow.getParentSpanId(),
                "following the job is the caller's, not part of the submission");
        assertEquals("webhook", attribute(follow, "pictory.end.source"));
        assertEquals("completed", attribute(follow, "pictory.job.status"));
        assertEquals(2.0, any(follow, "pictory.credits.used"));
        assertEquals(0L, any(follow, "pictory.polls"), "the callback came before the first fallback poll");

        List<SpanData> callbacks = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("webhook_callback")).toList();
        assertEquals(2, callbacks.size(), names().toString());
        SpanData forged = callbacks.stream().filter(span -> "refused".equals(attribute(span, "pictory.webhook.result")))
                .findFirst().orElseThrow();
        assertEquals("invalid_token", attribute(forged, "error.type"));
        assertEquals(StatusCode.ERROR, forged.getStatus().getStatusCode());
        SpanData genuine = callbacks.stream().filter(span -> "accepted".equals(attribute(span, "pictory.webhook.result")))
                .findFirst().orElseThrow();
        assertEquals(callback.getSpanContext().getSpanId(), genuine.getParentSpanId());
        assertEquals("token=REDACTED", attribute(span("POST /api/pictory/webhook"), "url.query"),
                "the callback's token is taken out of the request's span");
        assertEquals("job-traced", attribute(genuine, "gen_ai.response.id"));
        assertEquals("completed", attribute(genuine, "pictory.job.status"));

        SpanData download = span("download_image");
        assertEquals(genuine.getSpanId(), download.getParentSpanId(), "the image is kept because the callback saw the end");
        assertEquals((long) png().length, any(download, "pictory.image.bytes"));

        Map<String, MetricData> recorded = metricsByName();
        MetricData duration = recorded.get("gen_ai.client.operation.duration");
        assertEquals("s", duration.getUnit());
        var histogram = duration.getHistogramData().getPoints().iterator().next();
        assertEquals(1, histogram.getCount());
        assertEquals(1.0, histogram.getSum(), 1e-9, "from the submission's record to the end's, on the test's clock");
        assertEquals("seedream3.0", histogram.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")));
        assertEquals("completed", histogram.getAttributes().get(AttributeKey.stringKey("pictory.job.outcome")));
        assertEquals("generate_content", histogram.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name")));
        assertEquals(2.0, recorded.get("pictory.credits.used").getDoubleSumData().getPoints().iterator().next().getValue());
        assertEquals(1L, recorded.get("pictory.jobs.ended").getLongSumData().getPoints().iterator().next().getValue());
        var retry = recorded.get("pictory.retries").getLongSumData().getPoints().iterator().next();
        assertEquals(1L, retry.getValue());
        assertEquals(Attributes.of(AttributeKey.stringKey("error.type"), "503",
                AttributeKey.stringKey("gen_ai.operation.name"), "generate_content"), retry.getAttributes());
        assertEquals(1L, recorded.get("pictory.job.reads").getHistogramData().getPoints().iterator().next().getSum(), 1e-9);
        Map<String, Long> answered = recorded.get("pictory.webhook.callbacks").getLongSumData().getPoints().stream()
                .collect(Collectors.toMap(point -> point.getAttributes().get(AttributeKey.stringKey("pictory.webhook.result")),
                        point -> point.getValue()));
        assertEquals(Map.of("accepted", 1L, "refused", 1L), answered);
        var left = recorded.get("pictory.budget.remaining").getDoubleGaugeData().getPoints().iterator().next();
        assertEquals(8.0, left.getValue(), 1e-9, "10 a day, 2 spent");
        assertEquals("day", left.getAttributes().get(AttributeKey.stringKey("pictory.budget.period")));

        assertNothingSecret(recorded.values(), List.of(RestClients.KEY, SECRET, callbackToken(), PROMPT, "private words"));
    }

    @Test
    void aFailedJobIsAnErrorWithPictorysCodeAndThePromptIsRecordedOnlyWhenAllowed() {
        PictoryClient pictoryClient = client(true);
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-failing\"}}")));
        jobIs("job-failing", "{\"status\":\"failed\",\"error_code\":\"CONTENT_POLICY\",\"error_message\":\"no\"}");

        pictoryClient.submit(ImageRequest.builder(PROMPT).model(ImageModel.FLUX_SCHNELL).build());
        time.advance(INTERVAL); // the first fallback poll sees the end

        SpanData submit = span("generate_content flux-schnell");
        assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + PROMPT + "\"}]}]",
                attribute(submit, "gen_ai.input.messages"));
        SpanData follow = span("follow_job flux-schnell");
        assertEquals("poll", attribute(follow, "pictory.end.source"));
        assertEquals(1L, any(follow, "pictory.polls"));
        assertEquals("CONTENT_POLICY", attribute(follow, "error.type"));
        assertEquals(StatusCode.ERROR, follow.getStatus().getStatusCode());
        var duration = metricsByName().get("gen_ai.client.operation.duration").getHistogramData().getPoints().iterator().next();
        assertEquals("CONTENT_POLICY", duration.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals("failed", duration.getAttributes().get(AttributeKey.stringKey("pictory.job.outcome")));
        assertFalse(metricsByName().containsKey("pictory.credits.used"), "a failed job that reports none costs nothing");
    }

    private static final Spender ALICE = Spender.user("alice-private-5c2d").team("design");
    private static final AttributeKey<String> TEAM = AttributeKey.stringKey("pictory.budget.team");
    private static final AttributeKey<String> ENDUSER = AttributeKey.stringKey("enduser.id");
    private static final AttributeKey<Boolean> SIMULATED = AttributeKey.booleanKey("pictory.credits.simulated");
    /** The application may spend 10 a day, each team 6. */
    private static final BudgetSettings TEAMS = BudgetSettings.of(new BigDecimal("10"), null).perTeam(new BigDecimal("6"), null)
            .teams(List.of("design", "marketing"));

    /** Alice submits a job that ends charged 2 credits; answers the attributes of pictory.credits.used. */
    private Attributes aliceSpendsTwoCredits(BudgetSettings budget, boolean spenderUser) {
        PictoryClient pictoryClient = client(false, budget, spenderUser);
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-alice\"}}")));
        jobIs("job-alice", "{\"status\":\"failed\",\"error_code\":\"E1\",\"error_message\":\"no\",\"aiCreditsUsed\":2}");
        pictoryClient.chargedTo(ALICE).submit(ImageRequest.builder("A lighthouse at dawn").model(ImageModel.SEEDREAM_3_0).build());
        time.advance(INTERVAL); // the first fallback poll sees the end
        Collection<? extends PointData> used = points(metricsByName().get("pictory.credits.used"));
        assertEquals(1, used.size(), used.toString());
        return used.iterator().next().getAttributes();
    }

    /** The points of pictory.budget.remaining, by team ("" for the application's) and period. */
    private Map<String, Double> remaining() {
        return metricsByName().get("pictory.budget.remaining").getDoubleGaugeData().getPoints().stream()
                .collect(Collectors.toMap(point -> {
                    String team = point.getAttributes().get(TEAM);
                    return (team == null ? "" : team) + "/" + point.getAttributes().get(AttributeKey.stringKey("pictory.budget.period"));
                }, point -> point.getValue()));
    }

    @Test
    void theCreditsUsedCarryTheTeamButNoUserByDefaultAndTheGaugeHasASeriesPerTeam() {
        Attributes charged = aliceSpendsTwoCredits(TEAMS, false);

        assertEquals("design", charged.get(TEAM));
        assertNull(charged.get(ENDUSER), "no user unless pictory.telemetry.spender-user allows it");
        assertNull(charged.get(SIMULATED), "real credits are not marked");
        assertEquals("seedream3.0", charged.get(AttributeKey.stringKey("gen_ai.request.model")));
        assertEquals(Map.of("/day", 8.0, "design/day", 4.0, "marketing/day", 6.0), remaining(),
                "the application's and each team's of pictory.budget.teams");
        assertNothingSecret(metricsByName().values(), List.of(ALICE.user()));
    }

    @Test
    void theCreditsUsedCarryTheUserAsEnduserIdOnlyWhenAllowed() {
        Attributes charged = aliceSpendsTwoCredits(TEAMS, true);

        assertEquals(ALICE.user(), charged.get(ENDUSER));
        assertEquals("design", charged.get(TEAM));
    }

    @Test
    void simulatedCreditsAreMarkedAndLeaveEveryBudgetSeriesWhole() {
        Attributes charged = aliceSpendsTwoCredits(TEAMS.simulated(true), false);

        assertEquals(Boolean.TRUE, charged.get(SIMULATED));
        assertEquals("design", charged.get(TEAM));
        assertEquals(Map.of("/day", 10.0, "design/day", 6.0, "marketing/day", 6.0), remaining(),
                "simulated credits count against no limit");
    }

    /** No span attribute, status, event, resource or metric attribute holds any of {@code secrets}. */
    private void assertNothingSecret(Collection<MetricData> recorded, List<String> secrets) {
        List<String> everything = new ArrayList<>();
        for (SpanData span : spans.getFinishedSpanItems()) {
            everything.add(span.getName());
            everything.add(span.getAttributes().toString());
            everything.add(span.getStatus().toString());
            everything.add(span.getEvents().toString());
        }
        for (MetricData metric : recorded) {
            points(metric).forEach(point -> everything.add(point.getAttributes().toString()));
        }
        for (String secret : secrets) {
            everything.forEach(text -> assertFalse(text.contains(secret), "'" + secret + "' recorded in: " + text));
        }
    }
}
