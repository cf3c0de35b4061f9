package io.github.pictory4j.images.restart;

import io.github.pictory4j.images.sample.SampleLogins;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing paid for is lost when the JVM is killed: the sample (durable, on its H2 file) submits jobs to
 * "Pictory" (the simulator, in a second Liberty that keeps running), is killed with {@code kill -9} while
 * they are in flight, and is started again. Every job completes, each end event fires once (counted by
 * the sample's own observer in its database), each image is kept, and Pictory purging its links
 * afterwards changes nothing.
 *
 * <p>Not an Arquillian test: Arquillian owns its server's lifecycle, and this test kills its servers.
 */
class RestartIT {

    private static final int BASE_PORT = Integer.getInteger("liberty.http.port", 9080);
    private static final String NAME = System.getProperty("liberty.it.server", "pictory-tests");
    private static final String SIMULATOR_KEY = "pictai_simulator";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int JOBS = 6;

    private static LibertyProcess pictory;
    private static LibertyProcess app;

    @BeforeAll
    static void startPictory() throws Exception {
        pictory = new LibertyProcess(NAME + "-pictory", BASE_PORT + 310, Map.of(
                "PICTORY_SIMULATOR_JOB_DURATION", "8s", "PICTORY_SIMULATOR_API_KEY", SIMULATOR_KEY));
        pictory.start(Duration.ofMinutes(2));
        int appPort = BASE_PORT + 300;
        app = new LibertyProcess(NAME + "-restart", appPort, Map.of(
                "PICTORY_API_KEY", SIMULATOR_KEY,
                "PICTORY_MP_REST_URL", pictory.baseUrl() + "/simulator/pictoryapis",
                "PICTORY_POLL_INTERVAL", "1s",
                "PICTORY_WEBHOOK_URL", "http://localhost:" + appPort + "/api/pictory/webhook",
                "PICTORY_WEBHOOK_SECRET", "restart-test-webhook-secret-0123456789abcdef",
                "PICTORY_INSTANCE", "restart-app"));
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (LibertyProcess server : new LibertyProcess[]{app, pictory}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void jobsInFlightWhenTheJvmIsKilledAllCompleteOnceWithTheirImagesKept() throws Exception {
        app.start(Duration.ofMinutes(2));
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            HttpResponse<String> accepted = send("POST", app.baseUrl() + "/api/images",
                    "{\"prompt\":\"In flight when the JVM dies, number " + i + "\",\"model\":\"flux-schnell\"}");
            assertEquals(202, accepted.statusCode(), accepted.body());
            jobIds.add(json(accepted.body()).asJsonObject().getString("jobId"));
        }

        app.kill(); // the jobs run on at Pictory for a few more seconds
        assertEquals(JOBS, running(jobIds), "all in flight when the JVM died");
        app.start(Duration.ofMinutes(2));

        JsonArray listed = awaitAllEnded(jobIds, Duration.ofSeconds(60));
        for (JsonValue value : listed) {
            JsonObject job = value.asJsonObject();
            if (jobIds.contains(job.getString("jobId"))) {
                assertEquals("completed", job.getString("status"), job.toString());
            }
        }
        Map<String, Integer> events = eventsPerJob();
        for (String jobId : jobIds) {
            assertEquals(1, events.getOrDefault(jobId, 0), "events of " + jobId + ": " + events);
            assertEquals(200, awaitKeptImage(jobId), "the image of " + jobId + " is kept");
        }
        assertTrue(app.messages().contains("Following " + JOBS + " unfinished Pictory jobs again"), "resumed on start");

        // Pictory purges its outputs: its links die, the app's copies do not.
        for (String jobId : jobIds) {
            HttpResponse<String> cleaned = HTTP.send(HttpRequest.newBuilder(URI.create(pictory.baseUrl()
                    + "/simulator/pictoryapis/v1/jobs/" + jobId + "/clean")).header("Authorization", SIMULATOR_KEY).DELETE()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cleaned.statusCode(), cleaned.body());
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/images/" + jobId + "/image")).headers(SampleLogins.ALICE)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        assertEquals(events, eventsPerJob(), "and no event fires again");
    }

    /** How many of the jobs Pictory (the simulator) still has in progress. */
    private static int running(List<String> jobIds) throws Exception {
        int running = 0;
        for (String jobId : jobIds) {
            HttpResponse<String> job = HTTP.send(HttpRequest.newBuilder(URI.create(pictory.baseUrl()
                    + "/simulator/pictoryapis/v1/jobs/" + jobId)).header("Authorization", SIMULATOR_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            if ("in-progress".equals(json(job.body()).asJsonObject().getJsonObject("data").getString("status"))) {
                running++;
            }
        }
        return running;
    }

    private static JsonArray awaitAllEnded(List<String> jobIds, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonArray listed = json(send("GET", app.baseUrl() + "/api/images", null).body()).asJsonArray();
            Set<String> ended = new TreeSet<>();
            for (JsonValue value : listed) {
                JsonObject job = value.asJsonObject();
                if (jobIds.contains(job.getString("jobId")) && !"in-progress".equals(job.getString("status"))) {
                    ended.add(job.getString("jobId"));
                }
            }
            if (ended.size() == jobIds.size()) {
                return listed;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(ended.size() + " of " + jobIds.size() + " jobs ended: " + listed);
            }
            Thread.sleep(500);
        }
    }

    private static int awaitKeptImage(String jobId) throws Exception {
        for (int attempt = 0; ; attempt++) {
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/images/" + jobId + "/image")).headers(SampleLogins.ALICE).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 503 || attempt > 60) {
                return status;
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, Integer> eventsPerJob() throws Exception {
        JsonObject jobs = json(send("GET", app.baseUrl() + "/api/events/ledger", null, SampleLogins.ADMIN).body()).asJsonObject()
                .getJsonObject("jobs");
        Map<String, Integer> counts = new java.util.TreeMap<>();
        jobs.forEach((jobId, count) -> counts.put(jobId, ((jakarta.json.JsonNumber) count).intValue()));
        return counts;
    }

    /** As alice, the demo user who submits here. */
    private static HttpResponse<String> send(String method, String url, String body) throws Exception {
        return send(method, url, body, SampleLogins.ALICE);
    }

    /** As {@code login}: the event ledger lists every job, so it is the admin's. */
    private static HttpResponse<String> send(String method, String url, String body, String[] login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").headers(login);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }
}
