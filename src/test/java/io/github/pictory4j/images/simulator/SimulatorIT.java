package io.github.pictory4j.images.simulator;

import com.sun.net.httpserver.HttpServer;
import io.github.pictory4j.images.config.SimulatorKeys;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.github.pictory4j.images.simulator.SimulatorDeployments.KEY;
import static io.github.pictory4j.images.simulator.SimulatorDeployments.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's contract, over HTTP, in a managed Open Liberty: what any Pictory client sees at
 * {@code /simulator/pictoryapis}.
 */
@ExtendWith(ArquillianExtension.class)
class SimulatorIT {

    private static final Duration JOB_DURATION = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Path SWITCH_OFF =
            io.github.pictory4j.images.it.TestServer.dir().resolve("configDropins/overrides/pictory-simulator-off.xml");

    private static HttpServer webhookTarget;
    private static final BlockingQueue<Callback> CALLBACKS = new LinkedBlockingQueue<>();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return SimulatorDeployments.simulator("simulator-it",
                SimulatorSettings.JOB_DURATION + "=" + JOB_DURATION.toMillis() + "ms\n"
                        + SimulatorSettings.PAGE_SIZE + "=2\n"
                        + SimulatorSettings.WEBHOOK_TIMEOUT + "=2s\n");
    }

    /** What a webhook received. */
    private record Callback(String method, String path, String contentType, String body) {
    }

    @BeforeAll
    static void startWebhookTarget() throws IOException {
        webhookTarget = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookTarget.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            CALLBACKS.add(new Callback(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookTarget.start();
    }

    @AfterAll
    static void stopWebhookTarget() {
        webhookTarget.stop(0);
    }

    // ---- POST /v1/aistudio/images and GET /v1/jobs/{jobId} ----

    @Test
    void aJobIsInProgressThenCompletedWithItsSizeAndItsModelsPrice() throws Exception {
        Instant submitted = Instant.now();
        HttpResponse<String> created = api("POST", "v1/aistudio/images", KEY,
                "{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\",\"style\":\"vintage\"}");

        assertEquals(200, created.statusCode(), created.body());
        assertTrue(json(created).getBoolean("success"), created.body());
        String jobId = json(created).getJsonObject("data").getString("jobId");
        UUID.fromString(jobId);

        HttpResponse<String> running = api("GET", "v1/jobs/" + jobId, KEY, null);
        assertEquals(200, running.statusCode(), running.body());
        assertEquals(jobJson(jobId, true, "{\"status\":\"in-progress\"}"), json(running));

        JsonObject done = awaitFinished(jobId);
        Duration took = Duration.between(submitted, Instant.now());
        assertTrue(took.compareTo(JOB_DURATION) >= 0, "finished after " + took);
        assertEquals(jobId, done.getString("job_id"));
        assertTrue(done.getBoolean("success"), done.toString());
        JsonObject data = done.getJsonObject("data");
        assertEquals("completed", data.getString("status"));
        assertEquals(1024, data.getInt("width"));
        assertEquals(576, data.getInt("height"));
        assertEquals(0, new BigDecimal("0.6").compareTo(data.getJsonNumber("aiCreditsUsed").bigDecimalValue()),
                "flux-schnell costs 0.6 credits (Pictory's documentation): " + data);
        assertEquals(Set.of("status", "url", "width", "height", "aiCreditsUsed"), data.keySet());

        BufferedImage image = downloadPng(URI.create(data.getString("url")));
        assertEquals(1024, image.getWidth());
        assertEquals(576, image.getHeight());
    }

    @Test
    void aPromptAloneGetsPictorysDefaultModelAndRatio() throws Exception {
        String jobId = submit("{\"prompt\":\"A red bicycle against a white wall\"}");

        JsonObject data = awaitFinished(jobId).getJsonObject("data");

        assertEquals(1024, data.getInt("width"));
        assertEquals(1024, data.getInt("height"));
        assertEquals(0, new BigDecimal("2").compareTo(data.getJsonNumber("aiCreditsUsed").bigDecimalValue()),
                "seedream3.0 costs 2 credits (Pictory's documentation): " + data);
        BufferedImage image = downloadPng(URI.create(data.getString("url")));
        assertEquals(1024, image.getHeight());
    }

    @Test
    void aPromptWithTheFailMarkerEndsFailed() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse at dawn [fail]\",\"aspectRatio\":\"9:16\"}");

        JsonObject failed = awaitFinished(jobId);

        assertEquals(jobId, failed.getString("job_id"));
        assertFalse(failed.getBoolean("success"), failed.toString());
        JsonObject data = failed.getJsonObject("data");
        assertEquals("failed", data.getString("status"));
        assertFalse(data.getString("error_code").isBlank());
        assertFalse(data.getString("error_message").isBlank());
        assertFalse(data.containsKey("url"), data.toString());
        assertEquals(404, SimulatorDeployments.download(png(jobId)).statusCode(), "a failed job has no image");
    }

    @Test
    void anUnknownJobIs404WithPictorysJobNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();

        for (HttpResponse<String> response : List.of(api("GET", "v1/jobs/" + unknown, KEY, null),
                api("DELETE", "v1/jobs/" + unknown + "/clean", KEY, null))) {
            assertEquals(404, response.statusCode(), response.body());
            JsonObject body = json(response);
            assertFalse(body.getBoolean("success"));
            assertEquals("5000", body.getJsonObject("error").getString("error_code"));
            assertEquals("JOB_NOT_FOUND", body.getJsonObject("error").getString("error_message"));
            assertEquals("Job not found", body.getString("message"));
        }
        assertEquals(404, SimulatorDeployments.download(png(unknown)).statusCode());
    }

    // ---- authentication ----

    @Test
    void everyApiEndpointRefusesAMissingOrWrongKey() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse at dawn\"}");
        List<String[]> endpoints = List.of(
                new String[]{"POST", "v1/aistudio/images", "{\"prompt\":\"A lighthouse at dawn\"}"},
                new String[]{"POST", "v1/aistudio/images", "{\"prompt\":\"bad\"}"},
                new String[]{"GET", "v1/aistudio/images", null},
                new String[]{"GET", "v1/jobs/" + jobId, null},
                new String[]{"DELETE", "v1/jobs/" + jobId + "/clean", null});
        List<String> wrongKeys = new ArrayList<>();
        wrongKeys.add(null);
        wrongKeys.addAll(List.of("pictai_wrong", "Bearer " + KEY, KEY.toUpperCase(Locale.ROOT), KEY + "x"));
        for (String[] endpoint : endpoints) {
            for (String key : wrongKeys) {
                HttpResponse<String> response = api(endpoint[0], endpoint[1], key, endpoint[2]);
                String what = endpoint[0] + " " + endpoint[1] + " with " + key;
                assertEquals(401, response.statusCode(), what + " -> " + response.body());
                assertEquals("{\"message\":\"Unauthorized\"}", response.body(), what);
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
            }
        }
        assertEquals("in-progress", json(api("GET", "v1/jobs/" + jobId, KEY, null))
                .getJsonObject("data").getString("status"), "the refused clean did nothing");
    }

    // ---- validation ----

    @Test
    void anInvalidBodyIs400WithOneEntryPerBadField() throws Exception {
        HttpResponse<String> response = api("POST", "v1/aistudio/images", KEY, "{\"prompt\":\"abc\",\"model\":\"dall-e\","
                + "\"style\":\"cubist\",\"referenceImageUrl\":\"/relative.png\",\"webhook\":\"javascript:alert(1)\"}");

        assertEquals(400, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals("INVALID_REQUEST_BODY", body.getString("code"));
        assertFalse(body.getString("message").isBlank());
        Map<String, String> fields = fields(body);
        assertEquals(List.of("prompt", "model", "style", "referenceImageUrl", "webhook"), List.copyOf(fields.keySet()));
        assertTrue(fields.get("prompt").contains("between 5 and 5000"), fields.toString());
        assertTrue(fields.get("model").contains("seedream3.0"), fields.toString());
        assertTrue(fields.get("style").contains("photorealistic"), fields.toString());
    }

    @Test
    void eachRuleIsCheckedOnItsOwn() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"model\":\"flux-schnell\"}", "prompt",
                "{\"prompt\":\"" + "a".repeat(5001) + "\"}", "prompt",
                "{\"prompt\":\"A red bicycle\",\"aspectRatio\":\"4:3\"}", "aspectRatio",
                "{\"prompt\":\"A red bicycle\",\"model\":\"nanobanana\",\"aspectRatio\":\"21:9\"}", "aspectRatio",
                "{\"prompt\":\"A red bicycle\",\"referenceImageUrl\":\"ftp://example.com/a.png\"}", "referenceImageUrl",
                "{\"prompt\":\"A red bicycle\",\"webhook\":\"https://example.com/" + "a".repeat(481) + "\"}", "webhook");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = api("POST", "v1/aistudio/images", KEY, c.getKey());
            assertEquals(400, response.statusCode(), c.getKey() + " -> " + response.body());
            assertEquals(List.of(c.getValue()), List.copyOf(fields(json(response)).keySet()), c.getKey());
        }
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400InTheSameShape() throws Exception {
        for (String body : List.of("prompt=A red bicycle", "[{\"prompt\":\"A red bicycle\"}]", "{\"prompt\":")) {
            HttpResponse<String> response = api("POST", "v1/aistudio/images", KEY, body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            JsonObject json = json(response);
            assertEquals("INVALID_REQUEST_BODY", json.getString("code"), body);
            assertFalse(json.getString("message").isBlank(), body);
            assertNotNull(json.getJsonArray("fields"), body);
        }
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        HttpResponse<String> response = api("POST", "v1/aistudio/images", KEY,
                "{\"prompt\":\"A red bicycle\",\"negativePrompt\":\"cars\",\"seed\":42,\"style\":null}");

        assertEquals(200, response.statusCode(), response.body());
    }

    // ---- DELETE /v1/jobs/{jobId}/clean ----

    @Test
    void cleaningWorksOnlyOnFinishedJobsAndTakesTheImageAway() throws Exception {
        String jobId = submit("{\"prompt\":\"A harbour in the fog\"}");

        HttpResponse<String> tooEarly = api("DELETE", "v1/jobs/" + jobId + "/clean", KEY, null);
        assertEquals(400, tooEarly.statusCode(), tooEarly.body());
        assertFalse(json(tooEarly).getBoolean("success"));
        assertFalse(json(tooEarly).getJsonObject("error").getString("error_code").isBlank());

        URI url = URI.create(awaitFinished(jobId).getJsonObject("data").getString("url"));
        assertEquals(200, SimulatorDeployments.download(url).statusCode());

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> cleaned = api("DELETE", "v1/jobs/" + jobId + "/clean", KEY, null);
            assertEquals(200, cleaned.statusCode(), cleaned.body());
            assertEquals("{\"success\":true}", cleaned.body());
        }
        assertEquals(jobJson(jobId, true, "{\"status\":\"cleaned\"}"), json(api("GET", "v1/jobs/" + jobId, KEY, null)));
        assertEquals(404, SimulatorDeployments.download(url).statusCode(), "the image is gone");
        assertFalse(listAll().stream().anyMatch(item -> item.getString("id").equals(jobId)), "not listed any more");
    }

    // ---- GET /v1/aistudio/images ----

    @Test
    void listsCompletedImagesNewestFirstByPage() throws Exception {
        String first = submit("{\"prompt\":\"A listed cartoon fox\",\"model\":\"nanobanana\",\"aspectRatio\":\"9:16\","
                + "\"style\":\"cartoon\",\"referenceImageUrl\":\"https://example.com/fox.png\"}");
        String second = submit("{\"prompt\":\"A listed plain fox\"}");
        String third = submit("{\"prompt\":\"A listed third fox\",\"model\":\"flux-schnell\"}");
        String failed = submit("{\"prompt\":\"A listed [fail] fox\"}");
        for (String id : List.of(first, second, third, failed)) {
            awaitFinished(id);
        }

        List<JsonObject> items = listAll();

        List<String> ids = items.stream().map(item -> item.getString("id")).toList();
        assertEquals(new HashSet<>(ids).size(), ids.size(), "no image twice: " + ids);
        assertFalse(ids.contains(failed), "failed jobs have no image");
        assertTrue(ids.indexOf(third) >= 0 && ids.indexOf(third) < ids.indexOf(second)
                && ids.indexOf(second) < ids.indexOf(first), ids.toString());
        for (int i = 1; i < items.size(); i++) {
            Instant before = Instant.parse(items.get(i - 1).getString("createdDate"));
            Instant after = Instant.parse(items.get(i).getString("createdDate"));
            assertFalse(after.isAfter(before), "newest first: " + items);
        }
        JsonObject fox = items.get(ids.indexOf(first));
        assertEquals("A listed cartoon fox", fox.getString("prompt"));
        assertEquals("nanobanana", fox.getString("model"));
        assertEquals("9:16", fox.getString("aspectRatio"));
        assertEquals(576, fox.getInt("width"));
        assertEquals(1024, fox.getInt("height"));
        assertEquals("cartoon", fox.getString("style"));
        assertEquals("https://example.com/fox.png", fox.getString("referenceImageUrl"));
        assertEquals(png(first), URI.create(fox.getString("url")));
        JsonObject plain = items.get(ids.indexOf(second));
        assertEquals(Set.of("id", "url", "prompt", "aspectRatio", "model", "width", "height", "createdDate"), plain.keySet());
    }

    @Test
    void aJobStillInProgressIsNotListed() throws Exception {
        String running = submit("{\"prompt\":\"A fox still being drawn\"}");

        JsonObject firstPage = json(api("GET", "v1/aistudio/images", KEY, null));
        String status = json(api("GET", "v1/jobs/" + running, KEY, null)).getJsonObject("data").getString("status");

        // Statuses only move forward: still running now means it was running when the page was made.
        if (status.equals("in-progress")) {
            assertFalse(firstPage.getJsonArray("items").stream()
                    .anyMatch(item -> item.asJsonObject().getString("id").equals(running)), firstPage.toString());
        }
        awaitFinished(running);
        assertEquals(running, json(api("GET", "v1/aistudio/images", KEY, null)).getJsonArray("items")
                .getJsonObject(0).getString("id"), "once completed it is the newest image");
    }

    @Test
    void aPageKeyThatWasNeverGivenIs400() throws Exception {
        HttpResponse<String> response = api("GET", "v1/aistudio/images?nextPageKey=bogus", KEY, null);

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(List.of("nextPageKey"), List.copyOf(fields(json(response)).keySet()));
    }

    // ---- webhooks ----

    @Test
    void theWebhookReceivesTheFinalJobAsJson() throws Exception {
        String hook = "http://127.0.0.1:" + webhookTarget.getAddress().getPort();
        String completed = submit("{\"prompt\":\"A lighthouse for the hook\",\"webhook\":\"" + hook + "/done?token=t1\"}");
        String failed = submit("{\"prompt\":\"A lighthouse for the hook [fail]\",\"webhook\":\"" + hook + "/failed\"}");

        Map<String, Callback> received = new HashMap<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (received.size() < 2 && System.nanoTime() < deadline) {
            Callback callback = CALLBACKS.poll(200, TimeUnit.MILLISECONDS);
            if (callback != null) {
                received.put(callback.path(), callback);
            }
        }

        Callback done = received.get("/done?token=t1");
        assertNotNull(done, "the completed job's webhook was called: " + received.keySet());
        assertEquals("POST", done.method());
        assertTrue(done.contentType().startsWith("application/json"), done.contentType());
        assertEquals(awaitFinished(completed), parse(done.body()));
        assertEquals("completed", parse(done.body()).getJsonObject("data").getString("status"));

        Callback fail = received.get("/failed");
        assertNotNull(fail, "the failed job's webhook was called: " + received.keySet());
        assertEquals(awaitFinished(failed), parse(fail.body()));
        assertEquals("failed", parse(fail.body()).getJsonObject("data").getString("status"));
    }

    @Test
    void aWebhookThatCannotBeReachedDoesNotHarmTheJob() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse nobody hears of\",\"webhook\":\"http://127.0.0.1:1/hook\"}");

        assertEquals("completed", awaitFinished(jobId).getJsonObject("data").getString("status"));
        Thread.sleep(300); // the callback's attempt runs after completion; the simulator must still answer
        assertEquals(200, api("GET", "v1/jobs/" + jobId, KEY, null).statusCode());
    }

    // ---- switched off ----

    @Test
    void switchedOffEveryEndpointIs404() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse before the switch\"}");
        URI url = URI.create(awaitFinished(jobId).getJsonObject("data").getString("url"));
        Files.createDirectories(SWITCH_OFF.getParent());
        Files.writeString(SWITCH_OFF, "<server><variable name=\"" + SimulatorKeys.ENABLED + "\" value=\"false\"/></server>");
        try {
            assertTrue(within(() -> api("GET", "v1/aistudio/images", KEY, null).statusCode() == 404),
                    "the server.xml variable switched the simulator off");
            assertEquals(404, api("POST", "v1/aistudio/images", KEY, "{\"prompt\":\"A lighthouse at dawn\"}").statusCode());
            assertEquals(404, api("GET", "v1/jobs/" + jobId, KEY, null).statusCode());
            assertFalse(json(api("GET", "v1/jobs/" + jobId, KEY, null)).containsKey("error"), "not Pictory's job error");
            assertEquals(404, api("DELETE", "v1/jobs/" + jobId + "/clean", KEY, null).statusCode());
            assertEquals(404, api("GET", "v1/jobs/" + jobId, null, null).statusCode(), "404, not 401, without a key");
            assertEquals(404, SimulatorDeployments.download(url).statusCode());
        } finally {
            Files.delete(SWITCH_OFF);
        }
        assertTrue(within(() -> api("GET", "v1/aistudio/images", KEY, null).statusCode() == 200), "back on");
        assertEquals(200, SimulatorDeployments.download(url).statusCode(), "jobs survive the switch");
    }

    // ---- helpers ----

    private HttpResponse<String> api(String method, String path, String key, String json) throws Exception {
        return SimulatorDeployments.call(method, URI.create(base + SimulatorDeployments.BASE_PATH + path), key, json);
    }

    private URI png(String jobId) {
        return URI.create(base + SimulatorDeployments.BASE_PATH + "images/" + jobId + ".png");
    }

    private String submit(String json) throws Exception {
        HttpResponse<String> response = api("POST", "v1/aistudio/images", KEY, json);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonObject("data").getString("jobId");
    }

    /** Polls the job until it leaves in-progress; its final body. */
    private JsonObject awaitFinished(String jobId) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            HttpResponse<String> response = api("GET", "v1/jobs/" + jobId, KEY, null);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject job = json(response);
            if (!job.getJsonObject("data").getString("status").equals("in-progress")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, "job " + jobId + " still in progress after " + DEADLINE);
            Thread.sleep(100);
        }
    }

    /** Every listed image, page by page, checking each page's size and that only the last lacks a key. */
    private List<JsonObject> listAll() throws Exception {
        List<JsonObject> items = new ArrayList<>();
        String key = null;
        for (int pages = 0; pages < 200; pages++) {
            String query = key == null ? "" : "?nextPageKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
            HttpResponse<String> response = api("GET", "v1/aistudio/images" + query, KEY, null);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject page = json(response);
            assertFalse(page.containsKey("success"), "not wrapped: " + page);
            JsonArray pageItems = page.getJsonArray("items");
            assertTrue(pageItems.size() <= 2, "page size: " + page);
            pageItems.forEach(item -> items.add(item.asJsonObject()));
            if (!page.containsKey("nextPageKey")) {
                return items;
            }
            assertEquals(2, pageItems.size(), "only the last page may be short");
            key = page.getString("nextPageKey");
        }
        throw new AssertionError("the listing never ended");
    }

    private static BufferedImage downloadPng(URI url) throws Exception {
        HttpResponse<byte[]> response = SimulatorDeployments.download(url);
        assertEquals(200, response.statusCode());
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertNotNull(image, "a PNG ImageIO can read");
        return image;
    }

    private static Map<String, String> fields(JsonObject body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonValue field : body.getJsonArray("fields")) {
            fields.put(field.asJsonObject().getString("name"), field.asJsonObject().getString("errors"));
        }
        return fields;
    }

    private static JsonObject jobJson(String jobId, boolean success, String data) {
        return parse("{\"job_id\":\"" + jobId + "\",\"success\":" + success + ",\"data\":" + data + "}");
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Whether {@code check} comes true within 30 s (Liberty applies a server.xml change in a second or so). */
    private static boolean within(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
