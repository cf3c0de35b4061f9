package io.github.pictory4j.images.simulator.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java helper against a stand-in for the control API: what it sends, what it reads, how it fails. */
class SimulatorControlTest {

    private static final String KEY = "pictai_control_test_key_3f9a";

    /** What the stand-in received: method, path, Authorization, body. */
    private record Received(String method, String path, String authorization, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 204;
    private volatile String answer = "";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void eachScriptGoesToItsPathWithTheKeyAndItsBody() {
        SimulatorControl simulator = SimulatorControl.at(base("/app/simulator/pictoryapis/"), KEY);

        simulator.failNext(PictoryEndpoint.GET_JOB, 2, Fault.status(503));
        simulator.jobDuration(Duration.ofMillis(1500));
        simulator.endNextJobs(3, JobEnding.cleaned());
        simulator.endJob("job 1", JobEnding.failed("E1", "Broke"));
        simulator.webhooks(WebhookPlan.twice());
        simulator.reset();

        String control = "/app/simulator/pictoryapis/simulator-control";
        assertEquals(List.of(
                new Received("POST", control + "/faults", KEY, "{\"kind\":\"answer\",\"status\":503,\"contentType\":"
                        + "\"application/json\",\"body\":\"{\\\"message\\\":\\\"Scripted 503 from the Pictory simulator\\\"}\","
                        + "\"headers\":{},\"delayMillis\":0,\"endpoint\":\"get-job\",\"times\":2}"),
                new Received("POST", control + "/job-duration", KEY, "{\"millis\":1500}"),
                new Received("POST", control + "/next-jobs", KEY, "{\"status\":\"cleaned\",\"times\":3}"),
                new Received("POST", control + "/jobs/job%201/end", KEY,
                        "{\"status\":\"failed\",\"errorCode\":\"E1\",\"errorMessage\":\"Broke\"}"),
                new Received("POST", control + "/webhooks", KEY, "{\"calls\":2,\"delayMillis\":0}"),
                new Received("POST", control + "/reset", KEY, "")), received);
    }

    @Test
    void anAimedFaultSendsItsPatternAndAnNthFaultItsPlace() {
        SimulatorControl simulator = SimulatorControl.at(base("/simulator/pictoryapis"), KEY);

        simulator.failNext(RequestPattern.jobReads().withJobId("j-1"), 2, Fault.reset());
        simulator.failNth(RequestPattern.submissions().withPrompt(StringMatch.matching("^A harbour"))
                .withHeader("X-Test", StringMatch.containing("case")), 3, Fault.reset());

        assertEquals(List.of(
                "{\"kind\":\"reset\",\"delayMillis\":0,\"endpoint\":\"get-job\",\"match\":[{\"on\":\"job-id\","
                        + "\"kind\":\"equal-to\",\"value\":\"j-1\"}],\"times\":2}",
                "{\"kind\":\"reset\",\"delayMillis\":0,\"endpoint\":\"submit\",\"match\":[{\"on\":\"field\","
                        + "\"name\":\"prompt\",\"kind\":\"matching\",\"value\":\"^A harbour\"},{\"on\":\"header\","
                        + "\"name\":\"X-Test\",\"kind\":\"containing\",\"value\":\"case\"}],\"nth\":3,\"times\":1}"),
                received.stream().map(Received::body).toList());
    }

    @Test
    void aNewScopeIsAControlWithTheKeyTheSimulatorIssued() {
        SimulatorControl simulator = SimulatorControl.at(base("/simulator/pictoryapis"), KEY);
        status = 200;
        answer = "{\"apiKey\":\"pictai_scope_0123\"}";

        SimulatorControl scope = simulator.newScope();
        status = 204;
        answer = "";
        scope.reset();

        assertEquals(new Received("POST", "/simulator/pictoryapis/simulator-control/scopes", KEY, ""), received.get(0));
        assertEquals(new Received("POST", "/simulator/pictoryapis/simulator-control/reset", "pictai_scope_0123", ""),
                received.get(1));
        assertEquals("pictai_scope_0123", scope.apiKey());
        assertEquals(simulator.baseUrl(), scope.baseUrl());
        assertFalse(scope.toString().contains("pictai_scope_0123"), scope.toString());
    }

    @Test
    void awaitingAJobAsksUntilItHasTheStatusOrSaysTheOneItHad() {
        SimulatorControl simulator = SimulatorControl.at(base("/simulator/pictoryapis"), KEY);
        status = 200;
        answer = new JobTraffic("j-1", "in-progress", 2, 0, null, List.of()).toJson().toString();

        AssertionError late = assertThrows(AssertionError.class,
                () -> simulator.awaitJob("j-1", "completed", Duration.ofMillis(250)));
        assertEquals("Job j-1 was not completed within PT0.25S: it was in-progress, after 2 read(s).", late.getMessage());
        assertTrue(received.size() >= 2, "asked again before giving up: " + received.size());

        answer = new JobTraffic("j-1", "completed", 3, 0, null, List.of()).toJson().toString();
        assertEquals(3, simulator.awaitJob("j-1", "completed", Duration.ofSeconds(5)).reads());
        assertThrows(IllegalArgumentException.class, () -> simulator.awaitJob("j-1", "COMPLETED", Duration.ofSeconds(1)));
    }

    @Test
    void readsBackRequestsAndJobs() {
        RecordedRequest submit = new RecordedRequest(Instant.parse("2025-06-01T10:00:00Z"), PictoryEndpoint.SUBMIT, "POST",
                "/v1/aistudio/images", null, Map.of(), KeyCheck.ACCEPTED, "{}", null);
        RecordedRequest read = new RecordedRequest(Instant.parse("2025-06-01T10:00:01Z"), PictoryEndpoint.GET_JOB, "GET",
                "/v1/jobs/j-1", null, Map.of(), KeyCheck.ACCEPTED, "", null);
        SimulatorControl simulator = SimulatorControl.at(base("/simulator/pictoryapis"), KEY);
        status = 200;
        answer = "{\"requests\":[" + submit.toJson() + "," + read.toJson() + "]}";

        assertEquals(List.of(submit, read), simulator.requests());
        assertEquals(List.of(read), simulator.requests(PictoryEndpoint.GET_JOB));

        answer = new JobTraffic("j-1", "in-progress", 7, 1, null, List.of()).toJson().toString();
        assertEquals(7, simulator.reads("j-1"));
        assertEquals("/simulator/pictoryapis/simulator-control/jobs/j-1", received.get(received.size() - 1).path());
    }

    @Test
    void failuresSayWhatToCheckAndNeverShowTheKey() throws IOException {
        SimulatorControl simulator = SimulatorControl.at(base("/simulator/pictoryapis"), KEY);

        status = 404;
        assertFailure(simulator, "answered 404: the simulator is off, or not at this URL: set pictory.simulator.enabled=true");
        status = 401;
        answer = "{\"message\":\"Unauthorized\"}";
        assertFailure(simulator, "answered 401: the simulator refused the key: pass the value of pictory.simulator.api-key"
                + " (pictai_simulator unless the deployment sets another)");
        status = 400;
        answer = "{\"message\":\"times must be from 1 to 1000, such as 1\"}";
        assertFailure(simulator, "answered 400: times must be from 1 to 1000, such as 1");
        status = 500;
        answer = "<html>oops</html>";
        assertFailure(simulator, "answered 500: <html>oops</html>");
        assertFailure(SimulatorControl.at(URI.create("http://127.0.0.1:" + unusedPort() + "/simulator/pictoryapis"), KEY),
                "is the deployment running, and is the URL the simulator's base URL (…/simulator/pictoryapis)?");
        assertFalse(simulator.toString().contains(KEY), simulator.toString());
        assertThrows(IllegalArgumentException.class, () -> SimulatorControl.at(base("/"), " "));
    }

    private static void assertFailure(SimulatorControl simulator, String expected) {
        SimulatorControlException failure = assertThrows(SimulatorControlException.class, simulator::reset);
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("POST http://127.0.0.1:"), failure.getMessage());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
    }

    private URI base(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
