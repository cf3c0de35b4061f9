package io.github.pictory4j.images.it;

import io.github.pictory4j.images.client.webhook.WebhookTokens;
import io.github.pictory4j.images.sample.SampleDeployment;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks end to end in a managed Open Liberty: the sample WAR provides the simulator (which calls
 * back), two probe apps use the client jar, one with webhooks, one polling only. Counts the reads the
 * simulator served, the events fired, and checks that forged callbacks change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    private static final String PORT = System.getProperty("liberty.http.port", "9080");
    private static final String SIMULATOR = "http://localhost:" + PORT + "/simulator/pictoryapis";
    private static final String SIMULATOR_KEY = "pictai_simulator";
    private static final String SECRET = "webhook-it-secret-7f3c1a9e5b2d4c6e8a0b1c2d3e4f5a6b";
    private static final String WEBHOOK_PROBE = "http://localhost:" + PORT + "/webhook-probe/probe/";
    private static final String POLLING_PROBE = "http://localhost:" + PORT + "/polling-probe/probe/";
    private static final Path SERVER = TestServer.dir();
    private static final Path TRACE_OVERRIDE = SERVER.resolve("configDropins/overrides/webhook-it-trace.xml");

    @Deployment(name = "sample", order = 1, testable = false)
    static WebArchive sample() throws IOException {
        // Every record of the module's loggers, at every level, for the log hygiene check.
        Files.createDirectories(TRACE_OVERRIDE.getParent());
        Files.writeString(TRACE_OVERRIDE, "<server><logging traceSpecification=\"*=info:io.github.pictory4j.*=all\"/></server>");
        return SampleDeployment.war();
    }

    @Deployment(name = "webhook-probe", order = 2, testable = false)
    static WebArchive webhookProbe() {
        return ProbeDeployments.probe("webhook-probe", "pictory/mp-rest/url=" + SIMULATOR + "\n"
                        + "pictory.api-key=" + SIMULATOR_KEY + "\n"
                        + "pictory.poll.interval=30s\n"
                        + "pictory.poll.timeout=60s\n"
                        + "pictory.webhook.url=" + WEBHOOK_PROBE + "webhook\n"
                        + "pictory.webhook.secret=" + SECRET + "\n",
                ProbeWebhook.class, EndEvents.class, LogCapture.class);
    }

    @Deployment(name = "polling-probe", order = 3, testable = false)
    static WebArchive pollingProbe() {
        return ProbeDeployments.probe("polling-probe", "pictory/mp-rest/url=" + SIMULATOR + "\n"
                + "pictory.api-key=" + SIMULATOR_KEY + "\n"
                + "pictory.poll.interval=200ms\n"
                + "pictory.poll.timeout=60s\n");
    }

    @AfterAll
    static void restoreTracing() throws IOException {
        Files.deleteIfExists(TRACE_OVERRIDE);
    }

    @Test
    void aCallbackEndsTheWaitWithFarFewerReadsThanPolling() throws Exception {
        String hooked = submit(WEBHOOK_PROBE, "A lighthouse at dawn");
        String polled = submit(POLLING_PROBE, "A lighthouse at dusk");

        CompletableFuture<HttpResponse<String>> polling = CompletableFuture.supplyAsync(() -> {
            try {
                return send("GET", POLLING_PROBE + "jobs/" + polled + "/await", null);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        long start = System.nanoTime();
        JsonObject done = json(send("GET", WEBHOOK_PROBE + "jobs/" + hooked + "/await", null));
        Duration webhookWait = Duration.ofNanos(System.nanoTime() - start);
        JsonObject donePolling = json(polling.get(60, TimeUnit.SECONDS));

        assertEquals("completed", done.getString("status"), done.toString());
        assertEquals("completed", donePolling.getString("status"), donePolling.toString());
        assertTrue(webhookWait.compareTo(Duration.ofSeconds(15)) < 0,
                "ended by the callback after " + webhookWait + ", not by the next poll 30 s later");
        JsonObject webhookTraffic = traffic(hooked);
        JsonObject pollingTraffic = traffic(polled);
        assertEquals(1, webhookTraffic.getInt("callbacks"));
        int webhookReads = webhookTraffic.getInt("reads");
        int pollingReads = pollingTraffic.getInt("reads");
        System.out.printf("reads per job: webhook %d (wait %d ms), polling every 200 ms %d%n",
                webhookReads, webhookWait.toMillis(), pollingReads);
        assertTrue(webhookReads <= 2, "one poll at the start and one authoritative read: " + webhookReads);
        assertTrue(pollingReads >= 4 * webhookReads, "polling as fast needs many more reads: " + pollingReads);
        awaitEvents(hooked, 1);
    }

    @Test
    void aRepeatedCallbackFiresOneEvent() throws Exception {
        String jobId = submit(WEBHOOK_PROBE, "A red bicycle against a brick wall");
        send("GET", WEBHOOK_PROBE + "jobs/" + jobId + "/await", null);
        awaitEvents(jobId, 1);
        String webhook = traffic(jobId).getString("webhook");
        String body = "{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":{\"status\":\"completed\"}}";

        assertEquals(204, send("POST", webhook, body).statusCode());
        assertEquals(204, send("POST", webhook, body).statusCode());
        Thread.sleep(1000);

        JsonObject events = events(jobId);
        assertEquals(1, events.getInt("completed"), events.toString());
        assertEquals(1, events.getInt("completedAsync"), events.toString());
        assertEquals(0, events.getInt("failed"), events.toString());
    }

    @Test
    void forgedCallbacksAreRejectedAndAValidTokenCannotFakeAResult() throws Exception {
        String other = submit(WEBHOOK_PROBE, "Another job, whose token is stolen");
        String jobId = submit(WEBHOOK_PROBE, "A job somebody wants to fake");
        String lie = "{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":{\"status\":\"completed\","
                + "\"url\":\"https://attacker.example/fake.png\",\"width\":1,\"height\":1,\"aiCreditsUsed\":0}}";
        String ownWebhook = traffic(jobId).getString("webhook");
        String otherWebhook = traffic(other).getString("webhook");
        String expiredToken = new WebhookTokens(SECRET, Duration.ofSeconds(-5), Clock.systemUTC()).issue().token();
        String forgedToken = new WebhookTokens("not-the-secret-but-just-as-long-0123456789", Duration.ofHours(1),
                Clock.systemUTC()).issue().token();
        int readsBefore = traffic(jobId).getInt("reads");

        assertEquals(401, send("POST", WEBHOOK_PROBE + "webhook", lie).statusCode(), "no token");
        assertEquals(401, send("POST", WEBHOOK_PROBE + "webhook?token=abc.def", lie).statusCode(), "malformed token");
        assertEquals(401, send("POST", WEBHOOK_PROBE + "webhook?token=" + forgedToken, lie).statusCode(), "forged token");
        assertEquals(401, send("POST", WEBHOOK_PROBE + "webhook?token=" + expiredToken, lie).statusCode(), "expired token");
        assertEquals(401, send("POST", otherWebhook, lie).statusCode(), "token of another job");
        HttpResponse<String> refused = send("POST", WEBHOOK_PROBE + "webhook", lie);
        assertEquals("{\"message\":\"Unauthorized\"}", refused.body());
        assertEquals(readsBefore, traffic(jobId).getInt("reads"), "a refused callback reads nothing");

        assertEquals(204, send("POST", ownWebhook, lie).statusCode(), "a genuine token is accepted…");
        Thread.sleep(500);
        assertEquals(readsBefore + 1, traffic(jobId).getInt("reads"), "…and makes the module ask Pictory");
        assertEquals(0, events(jobId).getInt("completed"), "…which says in-progress: the lie fired nothing");

        awaitEvents(jobId, 1);
        JsonObject events = events(jobId);
        assertEquals(1, events.getInt("completed"));
        assertTrue(events.getString("url").startsWith(SIMULATOR + "/images/"), "the real image: " + events);
    }

    @Test
    void neitherTheApiKeyNorTheWebhookSecretIsEverLogged() throws Exception {
        String jobId = submit(WEBHOOK_PROBE, "A job that exercises every log line");
        send("GET", WEBHOOK_PROBE + "jobs/" + jobId + "/await", null);
        send("POST", WEBHOOK_PROBE + "webhook?token=forged.token", "{}");
        send("GET", WEBHOOK_PROBE + "jobs/no-such-job", null);

        String captured = send("GET", WEBHOOK_PROBE + "logs", null).body();
        assertFalse(captured.startsWith("0 records"), "the capture saw records");
        assertFalse(captured.contains(SIMULATOR_KEY), "the API key was logged");
        assertFalse(captured.contains(SECRET), "the webhook secret was logged");
        try (Stream<Path> logs = Files.walk(SERVER.resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(SECRET), "the webhook secret is in " + log);
                assertFalse(text.contains("Authorization: " + SIMULATOR_KEY), "the API key is in " + log);
            }
        }
    }

    private static String submit(String probe, String prompt) throws Exception {
        HttpResponse<String> response = send("POST", probe + "images", "{\"prompt\":\"" + prompt + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getString("jobId");
    }

    private static JsonObject traffic(String jobId) throws Exception {
        HttpResponse<String> response = TestHttp.send("GET", URI.create(SIMULATOR + "/simulator-traffic/jobs/" + jobId), null,
                "Authorization", SIMULATOR_KEY);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonObject events(String jobId) throws Exception {
        return json(send("GET", WEBHOOK_PROBE + "events/" + jobId, null));
    }

    private static void awaitEvents(String jobId, int completed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (events(jobId).getInt("completed") < completed) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no completed event for " + jobId + ": " + events(jobId));
            }
            Thread.sleep(100);
        }
        Thread.sleep(300); // room for a wrong second event to show up
        assertEquals(completed, events(jobId).getInt("completed"));
        assertEquals(completed, events(jobId).getInt("completedAsync"));
    }

    private static HttpResponse<String> send(String method, String url, String json) throws Exception {
        return ProbeDeployments.call(method, URI.create(url), json);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return TestHttp.json(response);
    }
}
