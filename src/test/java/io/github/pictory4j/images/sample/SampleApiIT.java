package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.it.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample app end to end in simulator mode: its API, through the module, against the embedded simulator. */
@ExtendWith(ArquillianExtension.class)
class SampleApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployment.war();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return TestHttp.send(method, URI.create(base + path.substring(1)), body, SampleLogins.ALICE);
    }

    private static JsonObject object(HttpResponse<String> response) {
        return TestHttp.json(response);
    }

    @Test
    void submitPollUntilCompletedAndFetchTheImage() throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/images",
                "{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\",\"style\":\"artistic\"}");

        assertEquals(202, accepted.statusCode(), accepted.body());
        String jobId = object(accepted).getString("jobId");
        assertEquals("in-progress", object(accepted).getString("status"));
        URI location = URI.create(base.toString()).resolve(accepted.headers().firstValue("Location").orElseThrow());
        assertEquals("/api/images/" + jobId, location.getPath());
        assertEquals(200, send("GET", location.getPath(), null).statusCode(), "the Location leads to the job");

        JsonObject job = pollUntilTerminal(jobId);
        assertEquals("completed", job.getString("status"), job.toString());
        assertEquals("A lighthouse at dawn", job.getString("prompt"));
        assertEquals("flux-schnell", job.getString("model"));
        assertEquals("16:9", job.getString("aspectRatio"));
        assertEquals("artistic", job.getString("style"));
        assertEquals(0.6, job.getJsonNumber("aiCreditsUsed").doubleValue(), 1e-9);
        assertNotNull(job.getString("createdAt"));

        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create(job.getString("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(job.getInt("width"), image.getWidth());
        assertEquals(job.getInt("height"), image.getHeight());
        assertTrue(image.getWidth() > image.getHeight(), "16:9 is landscape");

        JsonArray listed = Json.createReader(new StringReader(send("GET", "/api/images", null).body())).readArray();
        assertEquals(jobId, listed.getJsonObject(0).getString("jobId"), "newest first");

        HttpResponse<byte[]> kept = keptImage(jobId);
        assertEquals(200, kept.statusCode());
        assertEquals("image/png", kept.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(png.body(), kept.body(), "the app's kept copy is Pictory's image, byte for byte");
        assertEquals("KEPT", object(send("GET", "/api/images/" + jobId, null)).getString("imageState"));
    }

    @Test
    void theKeptImageOutlivesPictorysLinkAndOnlyCompletedJobsHaveOne() throws Exception {
        String jobId = object(send("POST", "/api/images", "{\"prompt\":\"Kept after Pictory purges it\"}")).getString("jobId");
        assertEquals(409, send("GET", "/api/images/" + jobId + "/image", null).statusCode(), "still running");
        JsonObject job = pollUntilTerminal(jobId);
        assertEquals(200, keptImage(jobId).statusCode());

        // Pictory purges its outputs (the simulator cleans the job): its link is gone, the app's copy is not.
        HttpResponse<String> cleaned = HTTP.send(HttpRequest.newBuilder(URI.create(base + "simulator/pictoryapis/v1/jobs/"
                        + jobId + "/clean")).header("Authorization", "pictai_simulator").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cleaned.statusCode(), cleaned.body());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(job.getString("url"))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<byte[]> kept = keptImage(jobId);
        assertEquals(200, kept.statusCode());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(kept.body())));

        String failed = object(send("POST", "/api/images", "{\"prompt\":\"No image for this one [fail]\"}")).getString("jobId");
        pollUntilTerminal(failed);
        assertEquals(409, send("GET", "/api/images/" + failed + "/image", null).statusCode());
        assertEquals(404, send("GET", "/api/images/no-such-job/image", null).statusCode());
    }

    /** The app's copy of the job's PNG, once kept (it answers 503 while it downloads it). */
    private HttpResponse<byte[]> keptImage(String jobId) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/images/" + jobId + "/image"))
                    .headers(SampleLogins.ALICE).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 503 || attempt >= 50) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void endedJobsArePushedAsServerSentEvents() throws Exception {
        HttpResponse<Stream<String>> events = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/events"))
                .header("Accept", "text/event-stream").headers(SampleLogins.ALICE).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        assertTrue(events.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        Iterator<String> lines = events.body().iterator();
        try {
            CompletableFuture.runAsync(() -> {
                while (!lines.next().equals("event: ready")) {
                    // the stream says it is ready before anything is submitted
                }
            }).get(10, TimeUnit.SECONDS);
            String jobId = object(send("POST", "/api/images", "{\"prompt\":\"Pushed, not polled\"}")).getString("jobId");

            String pushed = CompletableFuture.supplyAsync(() -> {
                String event = "";
                while (true) {
                    String line = lines.next();
                    if (line.startsWith("event:")) {
                        event = line;
                    } else if (event.equals("event: job") && line.startsWith("data:") && line.contains(jobId)) {
                        return line.substring("data:".length()).trim();
                    }
                }
            }).get(20, TimeUnit.SECONDS);

            JsonObject job = Json.createReader(new StringReader(pushed)).readObject();
            assertEquals("completed", job.getString("status"), pushed);
            assertEquals("Pushed, not polled", job.getString("prompt"));
            assertTrue(job.getString("url").endsWith(".png"), pushed);
        } finally {
            events.body().close();
        }
    }

    @Test
    void aPromptWithFailEndsFailedWithPictorysError() throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/images", "{\"prompt\":\"Please [fail] this one\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());

        JsonObject job = pollUntilTerminal(object(accepted).getString("jobId"));

        assertEquals("failed", job.getString("status"));
        assertFalse(job.getString("errorCode").isBlank());
        assertFalse(job.getString("errorMessage").isBlank());
    }

    @Test
    void invalidInputIsA400NamingTheField() throws Exception {
        HttpResponse<String> response = send("POST", "/api/images",
                "{\"prompt\":\"abc\",\"model\":\"flux-schnell\",\"aspectRatio\":\"4:3\",\"unknownField\":1}");

        assertEquals(400, response.statusCode(), response.body());
        JsonArray fields = object(response).getJsonArray("fields");
        assertEquals("aspectRatio", fields.getJsonObject(0).getString("name"));
        assertTrue(fields.getJsonObject(0).getString("errors").contains("1:1, 16:9, 9:16"));
        assertEquals("prompt", fields.getJsonObject(1).getString("name"));
        assertEquals("must be between 5 and 5000 characters long", fields.getJsonObject(1).getString("errors"));
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        for (String body : new String[]{"{\"prompt\":", "not json", "[1,2]"}) {
            HttpResponse<String> response = send("POST", "/api/images", body);

            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertFalse(object(response).getString("message").isBlank());
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        HttpResponse<String> response = send("POST", "/api/images", "{\"prompt\":{\"text\":\"A lighthouse\"}}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("prompt", object(response).getJsonArray("fields").getJsonObject(0).getString("name"), response.body());
    }

    @Test
    void anUnknownJobIs404() throws Exception {
        HttpResponse<String> response = send("GET", "/api/images/3f1c2b7e-0000-4000-8000-000000000000", null);

        assertEquals(404, response.statusCode(), response.body());
        assertEquals(JsonValue.ValueType.STRING, object(response).get("message").getValueType());
    }

    @Test
    void optionsListTheModelsWithTheirPrices() throws Exception {
        JsonObject options = object(send("GET", "/api/options", null));

        JsonObject flux = options.getJsonArray("models").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("value").equals("flux-schnell")).findFirst().orElseThrow();
        assertEquals(0.6, flux.getJsonNumber("credits").doubleValue(), 1e-9);
        assertEquals("simulator", options.getString("mode"));
        assertEquals(6, options.getJsonArray("styles").size());
    }

    @Test
    void readinessIsUpInSimulatorModeWithoutCallingPictory() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + base.getPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"pictory-configuration\""), ready.body());
        assertFalse(ready.body().contains("pictai_"), "never the key");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> openapi = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + base.getPort() + "/openapi")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/images/{jobId}"), openapi.body());
        HttpResponse<String> ui = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + base.getPort() + "/openapi/ui/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().toLowerCase().contains("<html"), "the UI page");
        assertFalse(openapi.body().contains("/v1/aistudio/images"), "the simulator is not part of the sample's API");
    }

    private JsonObject pollUntilTerminal(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("GET", "/api/images/" + jobId, null);
            assertEquals(200, response.statusCode(), response.body());
            job = object(response);
            if (!job.getString("status").equals("in-progress")) {
                return job;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("job " + jobId + " still " + job + " after 30 s");
    }
}
