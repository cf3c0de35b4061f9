package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.it.TestHttp;
import io.github.pictory4j.images.it.TestServer;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scripted fault, met by the module as it would meet it from Pictory: an app injects
 * {@code ImageService} (the probe), its client talks to the simulator in the same WAR, and the test
 * scripts the simulator and reads back what it received.
 */
@ExtendWith(ArquillianExtension.class)
class ScriptedFaultsIT {

    private static final String NAME = "testkit-faults";
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    private final SimulatorControl simulator = TestKitDeployments.control(NAME);

    @Deployment(testable = false)
    static WebArchive app() {
        return TestKitDeployments.probeWithSimulator(NAME, "pictory.simulator.job-duration=300ms\n"
                + "pictory/mp-rest/readTimeout=" + READ_TIMEOUT.toMillis() + "\n"
                + "pictory.retry.base-delay=50ms\n"
                + "pictory.retry.max-delay=200ms\n");
    }

    @BeforeEach
    void resetTheSimulator() {
        simulator.reset();
    }

    @Test
    void a503IsRetriedAndTheJobSubmittedOnce() throws Exception {
        simulator.failNext(PictoryEndpoint.SUBMIT, 1, Fault.status(503));

        HttpResponse<String> submitted = probe("POST", "images", "{\"prompt\":\"A lighthouse at dawn\"}");

        assertEquals(200, submitted.statusCode(), submitted.body());
        List<RecordedRequest> submissions = simulator.requests(PictoryEndpoint.SUBMIT);
        assertEquals(2, submissions.size(), "the 503, then the retry");
        assertEquals(503, submissions.get(0).faultServed().status());
        assertFalse(submissions.get(1).faulted());
        assertEquals(submissions.get(0).body(), submissions.get(1).body(), "the same request again");
        String jobId = TestHttp.json(submitted).getString("jobId");
        assertEquals(jobId, simulator.job(jobId).jobId(), "the simulator started the job");
    }

    @Test
    void a429WithRetryAfterIsWaitedFor() throws Exception {
        String jobId = submit("A lighthouse under a rate limit");
        simulator.failNext(PictoryEndpoint.GET_JOB, 1, Fault.rateLimited(Duration.ofSeconds(1)));

        HttpResponse<String> read = probe("GET", "jobs/" + jobId, null);

        assertEquals(200, read.statusCode(), read.body());
        List<RecordedRequest> reads = simulator.requests(PictoryEndpoint.GET_JOB);
        assertEquals(2, reads.size());
        assertEquals("1", reads.get(0).faultServed().headers().get("Retry-After"));
        Duration waited = Duration.between(reads.get(0).receivedAt(), reads.get(1).receivedAt());
        assertTrue(waited.compareTo(Duration.ofSeconds(1)) >= 0, "Retry-After: 1, but the retry came after " + waited);
    }

    @Test
    void a401IsAnAuthenticationErrorAndNotRetried() throws Exception {
        simulator.failNext(PictoryEndpoint.SUBMIT, 1, Fault.unauthorized());

        assertFailure("PictoryAuthenticationException", probe("POST", "images", "{\"prompt\":\"A lighthouse locked out\"}"));
        assertEquals(1, simulator.requests(PictoryEndpoint.SUBMIT).size());
    }

    @Test
    void anHtmlPageIsWhatItsStatusSaysAndNotRetried() throws Exception {
        String jobId = submit("A lighthouse behind a proxy");
        simulator.failNext(PictoryEndpoint.GET_JOB, 1, Fault.html(200));
        simulator.failNext(PictoryEndpoint.GET_JOB, 1, Fault.html(403));

        assertFailure("PictoryResponseFormatException", probe("GET", "jobs/" + jobId, null));
        assertFailure("PictoryAuthenticationException", probe("GET", "jobs/" + jobId, null));
        assertEquals(2, simulator.requests(PictoryEndpoint.GET_JOB).size(), "one read each");
    }

    @Test
    void aMalformedBodyIsAFormatErrorAndTheSubmissionIsNotSentAgain() throws Exception {
        simulator.failNext(PictoryEndpoint.SUBMIT, 1, Fault.malformedJson());

        assertFailure("PictoryResponseFormatException", probe("POST", "images", "{\"prompt\":\"A lighthouse, garbled\"}"));
        assertEquals(1, simulator.requests(PictoryEndpoint.SUBMIT).size(), "Pictory may have started the job");
    }

    @Test
    void aResetDuringASubmissionIsAConnectionErrorAndTheSubmissionIsNotSentAgain() throws Exception {
        long warningsBefore = committedResponseWarnings();
        simulator.failNext(PictoryEndpoint.SUBMIT, 1, Fault.reset());

        assertFailure("PictoryConnectionException", probe("POST", "images", "{\"prompt\":\"A lighthouse, cut off\"}"));
        assertEquals(1, simulator.requests(PictoryEndpoint.SUBMIT).size(), "Pictory may have started the job");
        Thread.sleep(500); // the server's log is written from a queue
        assertEquals(warningsBefore, committedResponseWarnings(), "a scripted reset leaves no warning in the server's log");
    }

    /** Open Liberty's warning for a status set on a committed response, which a reset must not cause. */
    private static long committedResponseWarnings() throws IOException {
        try (Stream<String> lines = Files.lines(TestServer.messagesLog())) {
            return lines.filter(line -> line.contains("SRVE8115W")).count();
        }
    }

    @Test
    void aResetDuringARead() throws Exception {
        String jobId = submit("A lighthouse, read twice");
        simulator.failNext(PictoryEndpoint.GET_JOB, 1, Fault.reset());

        HttpResponse<String> read = probe("GET", "jobs/" + jobId, null);

        assertEquals(200, read.statusCode(), "a read is safe to repeat: " + read.body());
        List<RecordedRequest> reads = simulator.requests(PictoryEndpoint.GET_JOB);
        assertEquals(2, reads.size());
        assertEquals(Fault.Kind.RESET, reads.get(0).faultServed().kind());
    }

    @Test
    void aShortDelayOnlySlowsTheAnswer() throws Exception {
        String jobId = submit("A lighthouse, slowly");
        simulator.failNext(PictoryEndpoint.GET_JOB, 1, Fault.delay(Duration.ofMillis(700)));
        long start = System.nanoTime();

        HttpResponse<String> read = probe("GET", "jobs/" + jobId, null);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(jobId, TestHttp.json(read).getString("jobId"));
        assertTrue(took.toMillis() >= 700, "answered after " + took);
        assertEquals(1, simulator.requests(PictoryEndpoint.GET_JOB).size());
    }

    @Test
    void aDelayBeyondTheReadTimeoutIsATimeoutOnceTheRetriesAreSpent() throws Exception {
        String jobId = submit("A lighthouse that never answers");
        simulator.failNext(PictoryEndpoint.GET_JOB, 3, Fault.delay(READ_TIMEOUT.plusMillis(300)));

        assertFailure("PictoryTimeoutException", probe("GET", "jobs/" + jobId, null));
        assertEquals(3, simulator.requests(PictoryEndpoint.GET_JOB).size(), "the first attempt and 2 retries");
    }

    @Test
    void aPersistentServerErrorEndsTheRetriesAndTheFaultIsUsedUp() throws Exception {
        String jobId = submit("A lighthouse, briefly down");
        simulator.failNext(PictoryEndpoint.GET_JOB, 3, Fault.status(500));

        assertFailure("PictoryServerException", probe("GET", "jobs/" + jobId, null));
        HttpResponse<String> after = probe("GET", "jobs/" + jobId, null);

        assertEquals(200, after.statusCode(), after.body());
        List<RecordedRequest> reads = simulator.requests(PictoryEndpoint.GET_JOB);
        assertEquals(4, reads.size());
        assertEquals(List.of(true, true, true, false), reads.stream().map(RecordedRequest::faulted).toList());
        assertTrue(reads.stream().allMatch(request -> request.key() == KeyCheck.ACCEPTED));
        assertNull(reads.get(3).faultServed());
    }

    @Test
    void listingAndCleaningMeetTheirFaultsToo() throws Exception {
        simulator.failNext(PictoryEndpoint.LIST_IMAGES, 1, Fault.status(502));
        HttpResponse<String> listed = probe("GET", "images", null);
        assertEquals(200, listed.statusCode(), "a listing is retried after a 502: " + listed.body());
        assertEquals(2, simulator.requests(PictoryEndpoint.LIST_IMAGES).size());

        String jobId = submit("A lighthouse to clean");
        simulator.failNext(PictoryEndpoint.CLEAN_JOB, 1, Fault.status(404));
        assertFailure("PictoryNotFoundException", probe("DELETE", "jobs/" + jobId, null));
        assertEquals(1, simulator.requests(PictoryEndpoint.CLEAN_JOB).size(), "a 404 is not retried");
    }

    private String submit(String prompt) throws Exception {
        HttpResponse<String> response = probe("POST", "images", "{\"prompt\":\"" + prompt + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return TestHttp.json(response).getString("jobId");
    }

    private static void assertFailure(String type, HttpResponse<String> response) {
        assertEquals(502, response.statusCode(), response.body());
        JsonObject failure = TestHttp.json(response);
        assertEquals(type, failure.getString("type"), failure.toString());
    }

    private static HttpResponse<String> probe(String method, String path, String json) throws Exception {
        return TestHttp.send(method, TestKitDeployments.probe(NAME, path), json);
    }
}
