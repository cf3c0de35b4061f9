package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.it.TestHttp;
import io.github.pictory4j.images.simulator.control.JobTraffic;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import io.github.pictory4j.images.simulator.control.WebhookCall;
import io.github.pictory4j.images.simulator.control.WebhookPlan;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scripted webhooks (skipped, repeated, late) met by the module's webhook endpoint: its fallback poll
 * makes up for a lost callback, a repeated one fires one event, a late one still ends the wait.
 */
@ExtendWith(ArquillianExtension.class)
class ScriptedWebhooksIT {

    private static final String NAME = "testkit-webhooks";
    private static final Duration FALLBACK_POLL = Duration.ofSeconds(3);
    private static final Duration JOB_DURATION = Duration.ofMillis(300);

    private final SimulatorControl simulator = TestKitDeployments.control(NAME);

    @Deployment(testable = false)
    static WebArchive app() {
        return TestKitDeployments.probeWithSimulator(NAME, "pictory.simulator.job-duration=" + JOB_DURATION.toMillis() + "ms\n"
                + "pictory.poll.interval=100ms\n"
                + "pictory.poll.timeout=30s\n"
                + "pictory.webhook.url=" + TestKitDeployments.probe(NAME, "webhook") + "\n"
                + "pictory.webhook.secret=testkit-webhooks-secret-5d1e9c3a7b2f4e6a8c0d\n"
                + "pictory.webhook.fallback-poll-interval=" + FALLBACK_POLL.toMillis() + "ms\n");
    }

    @BeforeEach
    void resetTheSimulator() {
        simulator.reset();
    }

    @Test
    void aSkippedWebhookIsMadeUpForByTheFallbackPoll() throws Exception {
        simulator.webhooks(WebhookPlan.skipped());

        String jobId = generate("A lighthouse whose callback is lost");

        JobTraffic traffic = simulator.job(jobId);
        assertEquals(0, traffic.callbacks());
        assertEquals(List.of(), traffic.webhookCalls());
        List<RecordedRequest> requests = simulator.requests();
        Duration firstRead = Duration.between(requests.get(0).receivedAt(), first(requests, PictoryEndpoint.GET_JOB));
        assertTrue(firstRead.compareTo(FALLBACK_POLL) >= 0, "read by the fallback poll, after " + firstRead);
        assertEvents(jobId, 1);
    }

    @Test
    void aRepeatedWebhookFiresOneEvent() throws Exception {
        simulator.webhooks(WebhookPlan.twice());

        String jobId = generate("A lighthouse called back twice");
        assertEquals(204, simulator.awaitWebhook(jobId, Duration.ofSeconds(20)).webhookCalls().get(0).status());

        JobTraffic traffic = await(jobId, t -> t.webhookCalls().size() == 2 && t.reads() == 2);
        assertEquals(List.of(204, 204), traffic.webhookCalls().stream().map(WebhookCall::status).toList(),
                "both callbacks are genuine: " + traffic);
        assertEvents(jobId, 1);
    }

    @Test
    void aLateWebhookStillEndsTheWaitBeforeTheFallbackPoll() throws Exception {
        Duration late = Duration.ofMillis(1500);
        simulator.webhooks(WebhookPlan.late(late));

        String jobId = generate("A lighthouse called back late");

        JobTraffic traffic = await(jobId, t -> t.webhookCalls().size() == 1);
        Instant submitted = simulator.requests(PictoryEndpoint.SUBMIT).get(0).receivedAt();
        Duration called = Duration.between(submitted, traffic.webhookCalls().get(0).at());
        assertTrue(called.compareTo(JOB_DURATION.plus(late)) >= 0, "called back " + called + " after the submission");
        assertEquals(1, traffic.reads(), "one read, caused by the callback: the wait ended before the fallback poll");
        assertEvents(jobId, 1);
    }

    private JobTraffic await(String jobId, Predicate<JobTraffic> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JobTraffic traffic = simulator.job(jobId);
        while (!condition.test(traffic) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            traffic = simulator.job(jobId);
        }
        return traffic;
    }

    private static Instant first(List<RecordedRequest> requests, PictoryEndpoint endpoint) {
        return requests.stream().filter(request -> request.endpoint() == endpoint).findFirst().orElseThrow().receivedAt();
    }

    /**
     * Counts the asynchronous observer's events: every asynchronous observer is notified, whereas a
     * synchronous one may be skipped when another (the probe's deliberately broken one) throws first.
     * Waits for the first event, then long enough for a duplicate to show.
     */
    private static void assertEvents(String jobId, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (events(jobId).getInt("completedAsync") < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        JsonObject events = events(jobId);
        assertEquals(expected, events.getInt("completedAsync"), events.toString());
        assertEquals(0, events.getInt("failed"), events.toString());
    }

    private static JsonObject events(String jobId) throws Exception {
        return TestHttp.json(probe("GET", "events/" + jobId, null));
    }

    /** Submits {@code prompt} and waits for the job, which must complete; answers its id. */
    private String generate(String prompt) throws Exception {
        HttpResponse<String> response = probe("POST", "images", "{\"prompt\":\"" + prompt + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        String jobId = TestHttp.json(response).getString("jobId");
        JsonObject job = TestHttp.json(probe("GET", "jobs/" + jobId + "/await", null));
        assertEquals("completed", job.getString("status"), job.toString());
        return jobId;
    }

    private static HttpResponse<String> probe(String method, String path, String json) throws Exception {
        return TestHttp.send(method, TestKitDeployments.probe(NAME, path), json);
    }
}
