package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.it.TestHttp;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import io.github.pictory4j.images.simulator.control.SimulatorControlException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static io.github.pictory4j.images.simulator.control.RequestPattern.jobReads;
import static io.github.pictory4j.images.simulator.control.RequestPattern.submissions;
import static io.github.pictory4j.images.simulator.control.StringMatch.containing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scripted jobs (how long they take, how they end) met by the module's waits, and the requests the
 * simulator recorded compared with what the module sent; faults aimed at one request, and scopes that
 * share the deployment without a reset between them.
 */
@ExtendWith(ArquillianExtension.class)
class ScriptedJobsIT {

    private static final String NAME = "testkit-jobs";

    private final SimulatorControl simulator = TestKitDeployments.control(NAME);

    @Deployment(testable = false)
    static WebArchive app() {
        return TestKitDeployments.probeWithSimulator(NAME, "pictory.simulator.job-duration=300ms\n"
                + "pictory.poll.interval=100ms\n"
                + "pictory.poll.timeout=20s\n");
    }

    @BeforeEach
    void resetTheSimulator() {
        simulator.reset();
    }

    @Test
    void jobsTakeTheScriptedDuration() throws Exception {
        simulator.jobDuration(Duration.ofMillis(1500));
        long start = System.nanoTime();
        String jobId = submit("{\"prompt\":\"A lighthouse, slowly painted\"}");

        JsonObject job = TestHttp.json(probe("GET", "jobs/" + jobId + "/await", null));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("completed", job.getString("status"), job.toString());
        assertTrue(took.toMillis() >= 1500, "completed after " + took);
        assertTrue(simulator.reads(jobId) >= 10, "polled every 100 ms for 1.5 s: " + simulator.reads(jobId));
    }

    @Test
    void aScriptedFailureReachesTheAppWithItsCodeAndMessage() throws Exception {
        simulator.endNextJobs(1, JobEnding.failed("CONTENT_POLICY", "The prompt breaks the content policy"));
        String failing = submit("{\"prompt\":\"A lighthouse, refused\"}");
        String next = submit("{\"prompt\":\"A lighthouse, accepted\"}");

        JsonObject failure = TestHttp.json(probe("GET", "jobs/" + failing + "/await", null));
        JsonObject completed = TestHttp.json(probe("GET", "jobs/" + next + "/await", null));

        assertEquals("ImageJobFailedException", failure.getString("type"), failure.toString());
        assertEquals("Pictory job " + failing + " failed with error CONTENT_POLICY: The prompt breaks the content policy",
                failure.getString("message"));
        assertEquals("completed", completed.getString("status"), "only the next job was scripted: " + completed);
    }

    @Test
    void aJobScriptedToEndCleanedFailsTheWait() throws Exception {
        simulator.endNextJobs(1, JobEnding.cleaned());
        String jobId = submit("{\"prompt\":\"A lighthouse, purged\"}");

        JsonObject failure = TestHttp.json(probe("GET", "jobs/" + jobId + "/await", null));

        assertEquals("ImageJobFailedException", failure.getString("type"), failure.toString());
        assertEquals("Pictory job " + jobId + " was cleaned: its outputs are gone", failure.getString("message"));
    }

    @Test
    void endingARunningJobEndsItAtOnce() throws Exception {
        simulator.jobDuration(Duration.ofMinutes(5));
        String jobId = submit("{\"prompt\":\"A lighthouse, never finished\"}");
        assertEquals("in-progress", TestHttp.json(probe("GET", "jobs/" + jobId, null)).getString("status"));
        long start = System.nanoTime();

        simulator.endJob(jobId, JobEnding.failed("E_STOPPED", "Stopped by the test"));
        JsonObject failure = TestHttp.json(probe("GET", "jobs/" + jobId + "/await", null));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("ImageJobFailedException", failure.getString("type"), failure.toString());
        assertTrue(failure.getString("message").endsWith("failed with error E_STOPPED: Stopped by the test"),
                failure.getString("message"));
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "ended at once, not after 5 minutes: " + took);
    }

    @Test
    void aTestVerifiesWhatItsAppSentAndAMissShowsWhatCameInstead() throws Exception {
        String harbour = submit("{\"prompt\":\"A harbour at night\",\"model\":\"flux-schnell\"}");
        submit("{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\"}");
        probe("GET", "jobs/" + harbour, null);

        simulator.verify(submissions().withPrompt(containing("harbour"))).times(1);
        simulator.verify(submissions().withModel("flux-schnell").withHeader("Content-Type", containing("json"))).times(2);
        assertEquals(harbour, simulator.verify(jobReads().withJobId(harbour)).times(1).get(0).jobId().orElseThrow());
        AssertionError miss = assertThrows(AssertionError.class,
                () -> simulator.verify(submissions().withPrompt(containing("castle"))).atLeast(1));
        assertTrue(miss.getMessage().contains("differs in prompt \"A harbour at night\""), miss.getMessage());
    }

    @Test
    void theRequestsRecordedAreWhatTheModuleSent() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\","
                + "\"style\":\"vintage\"}");
        probe("GET", "jobs/" + jobId, null);
        probe("GET", "images", null);

        List<RecordedRequest> requests = simulator.requests();

        assertEquals(List.of(PictoryEndpoint.SUBMIT, PictoryEndpoint.GET_JOB, PictoryEndpoint.LIST_IMAGES),
                requests.stream().map(RecordedRequest::endpoint).toList());
        RecordedRequest submission = requests.get(0);
        assertEquals("POST", submission.method());
        assertEquals("/v1/aistudio/images", submission.path());
        assertNull(submission.query());
        assertEquals(KeyCheck.ACCEPTED, submission.key(), "the module sent the simulator's key, raw");
        assertFalse(submission.headers().containsKey("authorization"), "the key itself is not recorded");
        assertTrue(submission.header("Content-Type").orElseThrow().startsWith("application/json"), submission.headers().toString());
        assertTrue(submission.header("User-Agent").orElseThrow().startsWith("pictory4j-images/"), submission.headers().toString());
        assertEquals(Json.createObjectBuilder().add("prompt", "A lighthouse at dawn").add("model", "flux-schnell")
                .add("aspectRatio", "16:9").add("style", "vintage").build(),
                Json.createReader(new StringReader(submission.body())).readObject());
        RecordedRequest read = requests.get(1);
        assertEquals("GET", read.method());
        assertEquals("/v1/jobs/" + jobId, read.path());
        assertEquals("", read.body());
        assertEquals(KeyCheck.ACCEPTED, read.key());
        assertEquals(1, simulator.reads(jobId));
        assertEquals("GET", requests.get(2).method());
        assertEquals("/v1/aistudio/images", requests.get(2).path());
        assertTrue(requests.get(0).receivedAt().compareTo(requests.get(1).receivedAt()) <= 0, "oldest first");
    }

    @Test
    void anAimedFaultHitsOnlyTheRequestItIsAimedAt() throws Exception {
        String aimed = submit("{\"prompt\":\"A harbour, briefly unavailable\"}");
        String spared = submit("{\"prompt\":\"A lighthouse, always there\"}");
        simulator.failNext(jobReads().withJobId(aimed), 1, Fault.status(503));

        HttpResponse<String> sparedRead = probe("GET", "jobs/" + spared, null);
        HttpResponse<String> aimedRead = probe("GET", "jobs/" + aimed, null);

        assertEquals(200, sparedRead.statusCode(), sparedRead.body());
        assertEquals(200, aimedRead.statusCode(), "the module repeats a read that got a 503: " + aimedRead.body());
        simulator.verify(jobReads().withJobId(spared)).times(1).forEach(read -> assertFalse(read.faulted()));
        List<RecordedRequest> aimedReads = simulator.verify(jobReads().withJobId(aimed)).times(2);
        assertEquals(Fault.status(503), aimedReads.get(0).faultServed(), "the first read of that job got the fault");
        assertFalse(aimedReads.get(1).faulted(), "and only it");
    }

    @Test
    void twoScopesOfOneDeploymentSeeNeitherTheOthersFaultsNorJobsNorRecords() throws Exception {
        SimulatorControl first = simulator.newScope();
        SimulatorControl second = simulator.newScope();
        first.failNth(submissions().withPrompt(containing("harbour")), 2, Fault.status(503));
        second.endNextJobs(1, JobEnding.completed().afterReads(2));

        String firstJob = submitAs(first, "A harbour at night", 200);
        submitAs(first, "A harbour at dawn", 503); // the first scope's second harbour
        String secondJob = submitAs(second, "A harbour at night", 200);
        submitAs(second, "A harbour at dawn", 200);

        assertEquals("in-progress", readAs(second, secondJob).getJsonObject("data").getString("status"));
        assertEquals("completed", readAs(second, secondJob).getJsonObject("data").getString("status"), "at its 2nd read");
        assertEquals("completed", second.awaitJob(secondJob, "completed", Duration.ofSeconds(5)).status());
        assertEquals(404, TestHttp.send("GET", api("v1/jobs/" + secondJob), null, "Authorization", first.apiKey())
                .statusCode(), "another scope's job is unknown");
        assertThrows(SimulatorControlException.class, () -> first.job(secondJob));
        first.verify(submissions()).times(2);
        second.verify(submissions()).times(2);
        second.verify(jobReads()).times(2);
        simulator.verify(submissions()).never();
        assertEquals("completed", first.awaitJob(firstJob, "completed", Duration.ofSeconds(10)).status(),
                "the first scope's job took the configured 300 ms, the second scope's script notwithstanding");
    }

    /** Submits {@code prompt} straight to the simulator with {@code scope}'s key; the job id, or the body of an error. */
    private static String submitAs(SimulatorControl scope, String prompt, int status) throws Exception {
        HttpResponse<String> response = TestHttp.send("POST", api("v1/aistudio/images"),
                Json.createObjectBuilder().add("prompt", prompt).build().toString(), "Authorization", scope.apiKey());
        assertEquals(status, response.statusCode(), response.body());
        return status == 200 ? TestHttp.json(response).getJsonObject("data").getString("jobId") : "503";
    }

    private static JsonObject readAs(SimulatorControl scope, String jobId) throws Exception {
        return TestHttp.json(TestHttp.send("GET", api("v1/jobs/" + jobId), null, "Authorization", scope.apiKey()));
    }

    private static URI api(String path) {
        return URI.create(TestKitDeployments.simulatorUrl(NAME) + "/" + path);
    }

    private String submit(String json) throws Exception {
        HttpResponse<String> response = probe("POST", "images", json);
        assertEquals(200, response.statusCode(), response.body());
        return TestHttp.json(response).getString("jobId");
    }

    private static HttpResponse<String> probe(String method, String path, String json) throws Exception {
        return TestHttp.send(method, TestKitDeployments.probe(NAME, path), json);
    }
}
