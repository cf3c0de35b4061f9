package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.it.TestHttp;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import io.github.pictory4j.images.simulator.control.SimulatorControlException;
import io.github.pictory4j.images.simulator.control.WebhookPlan;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control API's own contract, on the simulator jar deployed alone (it needs neither the client nor
 * the sample): its key, its 404 while off, its reset, its refusals of bodies it cannot use, and each
 * fault exactly as a raw HTTP client receives it.
 */
@ExtendWith(ArquillianExtension.class)
class ControlApiIT {

    private static final String ON = "testkit-control";
    private static final String OFF = "testkit-control-off";
    private static final String KEY = TestKitDeployments.KEY;
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final SimulatorControl simulator = TestKitDeployments.control(ON);

    @Deployment(name = ON, order = 1, testable = false)
    static WebArchive simulatorOn() {
        return TestKitDeployments.simulatorOnly(ON, SimulatorKeys.ENABLED + "=true\npictory.simulator.job-duration=300ms\n");
    }

    @Deployment(name = OFF, order = 2, testable = false)
    static WebArchive simulatorOff() {
        return TestKitDeployments.simulatorOnly(OFF, "");
    }

    @BeforeEach
    void resetTheSimulator() {
        simulator.reset();
    }

    @Test
    void theControlApiNeedsTheSimulatorsKey() throws Exception {
        assertEquals(401, control(ON, "POST", "reset", null).statusCode(), "no key");
        assertEquals(401, control(ON, "POST", "reset", null, "Authorization", "pictai_other").statusCode(), "another key");
        assertEquals(401, control(ON, "GET", "requests", null, "Authorization", "Bearer " + KEY).statusCode(), "Bearer");
        assertEquals(204, control(ON, "POST", "reset", null, "Authorization", KEY).statusCode());
    }

    @Test
    void theControlApiIsNotThereWhileTheSimulatorIsOff() throws Exception {
        assertEquals(404, control(OFF, "GET", "requests", null, "Authorization", KEY).statusCode());
        assertEquals(404, control(OFF, "POST", "faults", "{\"endpoint\":\"submit\",\"status\":503}", "Authorization", KEY)
                .statusCode());

        SimulatorControlException off = assertThrows(SimulatorControlException.class,
                () -> TestKitDeployments.control(OFF).reset());

        assertTrue(off.getMessage().contains("answered 404") && off.getMessage().contains(SimulatorKeys.ENABLED + "=true"),
                off.getMessage());
        assertFalse(off.getMessage().contains(KEY), "no key in messages");
    }

    @Test
    void resetForgetsFaultsScriptJobsAndRequests() throws Exception {
        String before = json(api("POST", "v1/aistudio/images", "{\"prompt\":\"A job from before\"}")).getJsonObject("data")
                .getString("jobId");
        simulator.failNext(PictoryEndpoint.SUBMIT, 1, Fault.status(503));
        simulator.jobDuration(Duration.ofMinutes(5));
        simulator.endNextJobs(1, JobEnding.failed("E1", "scripted"));
        simulator.webhooks(WebhookPlan.skipped());

        simulator.reset();

        assertEquals(List.of(), simulator.requests(), "nothing recorded, control calls never are");
        assertEquals(404, api("GET", "v1/jobs/" + before, null).statusCode(), "the jobs are forgotten");
        HttpResponse<String> submitted = api("POST", "v1/aistudio/images", "{\"prompt\":\"A job from after\"}");
        assertEquals(200, submitted.statusCode(), "the fault is gone: " + submitted.body());
        String after = json(submitted).getJsonObject("data").getString("jobId");
        Thread.sleep(500);
        assertEquals("completed", json(api("GET", "v1/jobs/" + after, null)).getJsonObject("data").getString("status"),
                "the configured 300 ms and the prompt's ending again, not 5 minutes and a failure");
        assertEquals(3, json(TestHttp.send("GET", URI.create(TestKitDeployments.simulatorUrl(ON) + "/simulator-traffic"), null,
                "Authorization", KEY)).getInt("apiRequests"), "counted since the reset");
    }

    /** A body the control API refuses, and what its message must say. */
    private record Refusal(String method, String path, String body, String message) {
    }

    @Test
    void bodiesTheControlApiCannotUseAreRefusedWithWhatToWrite() {
        List<Refusal> refusals = List.of(
                new Refusal("POST", "faults", "{\"endpoint\":\"nope\",\"status\":503}",
                        "endpoint must be one of submit, get-job, clean-job, list-images, download-image, not nope"),
                new Refusal("POST", "faults", "{\"status\":503}", "endpoint is required"),
                new Refusal("POST", "faults", "{\"endpoint\":\"submit\",\"times\":0,\"status\":503}",
                        "times must be from 1 to 1000"),
                new Refusal("POST", "faults", "{\"endpoint\":\"submit\"}", "status is required for an answer"),
                new Refusal("POST", "faults", "{\"endpoint\":\"submit\",\"status\":99}", "status must be the HTTP status"),
                new Refusal("POST", "faults", "{\"endpoint\":\"submit\",\"kind\":\"reset\",\"status\":503}",
                        "a reset fault sends no answer of its own"),
                new Refusal("POST", "faults", "{\"endpoint\":\"submit\",\"kind\":\"delay\"}", "needs delayMillis above 0"),
                new Refusal("POST", "faults", "{\"endpoint\":\"submit\",\"status\":503,\"headers\":{\"Bad Name\":\"1\"}}",
                        "\"Bad Name\" is not a header name"),
                new Refusal("POST", "faults", "{\"endpoint\":\"submit\",\"status\":503,\"contentType\":\"html\"}",
                        "contentType must be a media type"),
                new Refusal("POST", "faults", "not json", "The body must be a JSON object"),
                new Refusal("POST", "next-jobs", "{\"status\":\"exploded\"}",
                        "status must be one of completed, failed, cleaned, not exploded"),
                new Refusal("POST", "next-jobs", "{\"status\":\"completed\",\"errorCode\":\"E\"}",
                        "errorCode and errorMessage are for a failed job only"),
                new Refusal("POST", "job-duration", "{\"millis\":-1}", "millis must be from 0 to 86400000"),
                new Refusal("POST", "job-duration", "{\"millis\":\"1s\"}", "millis must be a whole number"),
                new Refusal("POST", "webhooks", "{\"calls\":11}", "calls must be from 0 (skip the webhook) to 10"));

        assertAll(refusals.stream().map(refusal -> (Executable) () -> {
            HttpResponse<String> refused = control(ON, refusal.method(), refusal.path(), refusal.body(), "Authorization", KEY);
            assertEquals(400, refused.statusCode(), refusal + " -> " + refused.body());
            assertTrue(json(refused).getString("message").contains(refusal.message()), refusal + " -> " + refused.body());
        }));
    }

    @Test
    void anUnknownCommandIsNotFoundAndTheCommandsAreListed() throws Exception {
        HttpResponse<String> unknown = control(ON, "POST", "explode", "{}", "Authorization", KEY);

        assertEquals(404, unknown.statusCode());
        assertTrue(json(unknown).getString("message").startsWith("No command explode: the commands are "), unknown.body());
        for (String command : List.of("faults", "job-duration", "next-jobs", "webhooks", "reset")) {
            assertTrue(json(unknown).getString("message").contains(command), unknown.body());
        }
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        assertEquals(404, control(ON, "POST", "jobs/nope/end", "{\"status\":\"cleaned\"}", "Authorization", KEY).statusCode());
        assertEquals(404, control(ON, "GET", "jobs/nope", null, "Authorization", KEY).statusCode());
    }

    @Test
    void requestsAreRecordedAsTheyArrivedWithoutTheKey() throws Exception {
        api("POST", "v1/aistudio/images?source=test", "{\"prompt\":\"A recorded lighthouse\"}", "X-Trace", "t-1");
        TestHttp.send("GET", URI.create(TestKitDeployments.simulatorUrl(ON) + "/v1/jobs/nope"), null,
                "Authorization", "Bearer " + KEY);
        TestHttp.send("GET", URI.create(TestKitDeployments.simulatorUrl(ON) + "/v1/aistudio/images"), null);

        List<RecordedRequest> requests = simulator.requests();

        assertEquals(3, requests.size());
        RecordedRequest submission = requests.get(0);
        assertEquals(PictoryEndpoint.SUBMIT, submission.endpoint());
        assertEquals("/v1/aistudio/images", submission.path());
        assertEquals("source=test", submission.query());
        assertEquals("{\"prompt\":\"A recorded lighthouse\"}", submission.body());
        assertEquals("t-1", submission.header("x-trace").orElseThrow());
        assertEquals(KeyCheck.ACCEPTED, submission.key());
        assertEquals(List.of(KeyCheck.ACCEPTED, KeyCheck.REFUSED, KeyCheck.ABSENT),
                requests.stream().map(RecordedRequest::key).toList());
        assertEquals("/v1/jobs/nope", requests.get(1).path());
        String recorded = control(ON, "GET", "requests", null, "Authorization", KEY).body();
        assertFalse(recorded.contains(KEY), "the key is never read back: " + recorded);
    }

    @Test
    void eachFaultIsServedAsScriptedBeforeTheKeyIsChecked() throws Exception {
        simulator.failNext(PictoryEndpoint.LIST_IMAGES, 1, Fault.rateLimited(Duration.ofSeconds(2)));
        simulator.failNext(PictoryEndpoint.LIST_IMAGES, 1, Fault.html(502));
        simulator.failNext(PictoryEndpoint.LIST_IMAGES, 1, Fault.malformedJson());
        simulator.failNext(PictoryEndpoint.LIST_IMAGES, 1, Fault.reset());
        simulator.failNext(PictoryEndpoint.LIST_IMAGES, 1, Fault.delay(Duration.ofMillis(600)));
        URI list = URI.create(TestKitDeployments.simulatorUrl(ON) + "/v1/aistudio/images");

        assertEquals(401, TestHttp.send("POST", URI.create(TestKitDeployments.simulatorUrl(ON) + "/v1/aistudio/images"),
                "{\"prompt\":\"Not this endpoint's fault\"}").statusCode(), "faults are for their endpoint only");
        HttpResponse<String> limited = TestHttp.send("GET", list, null);
        assertEquals(429, limited.statusCode());
        assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"message\":\"Too Many Requests\"}", limited.body());
        HttpResponse<String> html = TestHttp.send("GET", list, null);
        assertEquals(502, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(html.body().startsWith("<!DOCTYPE html>"), html.body());
        HttpResponse<String> malformed = TestHttp.send("GET", list, null);
        assertEquals(200, malformed.statusCode());
        assertEquals("{\"success\":true,\"data\":{\"jobId\":", malformed.body());
        // Over HTTP/1.1, as Jakarta REST clients (the module's too) talk; see FaultResponses for HTTP/2.
        assertThrows(IOException.class, () -> HTTP_1_1.send(HttpRequest.newBuilder(list).build(),
                HttpResponse.BodyHandlers.ofString()), "the connection breaks");
        long start = System.nanoTime();
        HttpResponse<String> slow = TestHttp.send("GET", list, null, "Authorization", KEY);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 600, "delayed");
        assertEquals(200, slow.statusCode(), "then answered as Pictory would: " + slow.body());
        assertEquals(401, TestHttp.send("GET", list, null).statusCode(), "the faults are used up");
    }

    private static HttpResponse<String> api(String method, String path, String json, String... headers) throws Exception {
        List<String> withKey = new ArrayList<>(List.of("Authorization", KEY));
        withKey.addAll(List.of(headers));
        return TestHttp.send(method, URI.create(TestKitDeployments.simulatorUrl(ON) + "/" + path), json,
                withKey.toArray(String[]::new));
    }

    private static HttpResponse<String> control(String name, String method, String path, String json, String... headers)
            throws Exception {
        return TestHttp.send(method, URI.create(TestKitDeployments.simulatorUrl(name) + "/simulator-control/" + path), json,
                headers);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return TestHttp.json(response);
    }
}
