package io.github.pictory4j.images.simulator.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.pictory4j.images.simulator.control.RequestPattern.jobReads;
import static io.github.pictory4j.images.simulator.control.RequestPattern.requestsTo;
import static io.github.pictory4j.images.simulator.control.RequestPattern.submissions;
import static io.github.pictory4j.images.simulator.control.StringMatch.containing;
import static io.github.pictory4j.images.simulator.control.StringMatch.equalTo;
import static io.github.pictory4j.images.simulator.control.StringMatch.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed recordings, each matcher, and what a failed verification says. */
class VerificationTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static RecordedRequest submission(int second, String prompt, String model) {
        return new RecordedRequest(T0.plusSeconds(second), PictoryEndpoint.SUBMIT, "POST", "/v1/aistudio/images", null,
                Map.of("X-Test", List.of("case-" + second)), KeyCheck.ACCEPTED,
                "{\"prompt\":\"" + prompt + "\",\"model\":\"" + model + "\"}", null);
    }

    private static RecordedRequest request(PictoryEndpoint endpoint, String path) {
        return new RecordedRequest(T0, endpoint, "GET", path, null, Map.of(), KeyCheck.ACCEPTED, "", null);
    }

    private static final List<RecordedRequest> RECEIVED = List.of(
            submission(1, "A harbour at night", "flux-schnell"),
            submission(2, "A lighthouse at dawn", "seedream-3.0"),
            submission(3, "A harbour at dawn", "seedream-3.0"),
            request(PictoryEndpoint.GET_JOB, "/v1/jobs/job-1"),
            request(PictoryEndpoint.GET_JOB, "/v1/jobs/job-2"),
            request(PictoryEndpoint.GET_JOB, "/v1/jobs/job-1"));

    @Test
    void aRecordingKnowsItsJobAndItsFields() {
        assertEquals("job-7", request(PictoryEndpoint.GET_JOB, "/v1/jobs/job-7").jobId().orElseThrow());
        assertEquals("job-7", request(PictoryEndpoint.CLEAN_JOB, "/v1/jobs/job-7/clean").jobId().orElseThrow());
        assertEquals("job-7", request(PictoryEndpoint.DOWNLOAD_IMAGE, "/images/job-7.png").jobId().orElseThrow());
        assertTrue(request(PictoryEndpoint.LIST_IMAGES, "/v1/aistudio/images").jobId().isEmpty());
        RecordedRequest submitted = RECEIVED.get(0);
        assertTrue(submitted.jobId().isEmpty(), "a submission's job id is in the answer, not the request");
        assertEquals("A harbour at night", submitted.field("prompt").orElseThrow());
        assertEquals("flux-schnell", submitted.json().orElseThrow().getString("model"));
        assertTrue(request(PictoryEndpoint.GET_JOB, "/v1/jobs/x").json().isEmpty(), "no body");
        assertTrue(new RecordedRequest(T0, PictoryEndpoint.SUBMIT, "POST", "/v1/aistudio/images", null, Map.of(),
                KeyCheck.ACCEPTED, "not json", null).field("prompt").isEmpty(), "a body that is no JSON");
    }

    @Test
    void eachMatcherSelectsItsRequests() {
        assertEquals(2, new Verification(submissions().withPrompt(containing("harbour")), RECEIVED).matching().size());
        assertEquals(1, new Verification(submissions().withPrompt(matching("^A harbour at (dawn|noon)$")), RECEIVED)
                .matching().size());
        assertEquals(2, new Verification(submissions().withModel("seedream-3.0"), RECEIVED).matching().size());
        assertEquals(1, new Verification(submissions().withPrompt(containing("harbour")).withModel("seedream-3.0"),
                RECEIVED).matching().size());
        assertEquals(1, new Verification(submissions().withHeader("x-TEST", equalTo("case-2")), RECEIVED).matching().size());
        assertEquals(1, new Verification(submissions().withField("model", equalTo("flux-schnell")), RECEIVED).matching().size());
        assertEquals(2, new Verification(jobReads().withJobId("job-1"), RECEIVED).matching().size());
        assertEquals(0, new Verification(requestsTo(PictoryEndpoint.CLEAN_JOB), RECEIVED).matching().size());
        assertFalse(equalTo("x").test(null), "a missing value matches nothing");
    }

    @Test
    void countsAreCheckedExactlyAtLeastOrNever() {
        assertEquals(2, new Verification(jobReads().withJobId("job-1"), RECEIVED).times(2).size());
        new Verification(jobReads(), RECEIVED).atLeast(2);
        new Verification(submissions().withPrompt(containing("castle")), RECEIVED).never();
        assertThrows(AssertionError.class, () -> new Verification(jobReads(), RECEIVED).times(2));
        assertThrows(AssertionError.class, () -> new Verification(jobReads(), RECEIVED).atLeast(4));
        assertThrows(AssertionError.class, () -> new Verification(submissions(), RECEIVED).never());
    }

    @Test
    void aFailureShowsWhatWasReceivedNearestMatchFirst() {
        AssertionError failed = assertThrows(AssertionError.class, () -> new Verification(
                submissions().withPrompt(containing("harbour")).withModel("flux-schnell"), RECEIVED).times(2));

        String message = failed.getMessage();
        assertTrue(message.startsWith("Expected exactly 2 SUBMIT requests with prompt containing \"harbour\" and model"
                + " equal to \"flux-schnell\", but 1 matched. Received 3 SUBMIT requests, nearest first:"), message);
        int matched = message.indexOf("2026-12-05T10:00:01Z: matches");
        int oneMiss = message.indexOf("2026-12-05T10:00:03Z: differs in model \"seedream-3.0\"");
        int twoMisses = message.indexOf("2026-12-05T10:00:02Z: differs in prompt \"A lighthouse at dawn\", model \"seedream-3.0\"");
        assertTrue(matched > 0 && oneMiss > matched && twoMisses > oneMiss, message);

        AssertionError none = assertThrows(AssertionError.class,
                () -> new Verification(requestsTo(PictoryEndpoint.CLEAN_JOB), RECEIVED).atLeast(1));
        assertTrue(none.getMessage().endsWith("The simulator received no CLEAN_JOB request (6 requests in all)."),
                none.getMessage());
    }

    @Test
    void awaitingAWebhookAsksUntilACallWasAnsweredOrSaysWhyNot() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean answered = exchange.getRequestURI().getPath().endsWith("/job-1") && asked.incrementAndGet() >= 3;
            String body = new JobTraffic(exchange.getRequestURI().getPath().replaceAll(".*/", ""), "completed", 0, answered ? 1 : 0,
                    exchange.getRequestURI().getPath().endsWith("/job-1") ? "http://localhost/app/webhook" : null,
                    answered ? List.of(new WebhookCall(T0, 200, null)) : List.of()).toJson().toString();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            SimulatorControl simulator = SimulatorControl.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/simulator/pictoryapis"), "pictai_simulator");

            assertEquals(1, simulator.awaitWebhook("job-1", Duration.ofSeconds(10)).webhookCalls().size());
            assertEquals(3, asked.get(), "asked until the call was answered");
            AssertionError never = assertThrows(AssertionError.class,
                    () -> simulator.awaitWebhook("job-2", Duration.ofMillis(250)));
            assertTrue(never.getMessage().contains("the job has no webhook URL (was pictory.webhook.url set?)"),
                    never.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
