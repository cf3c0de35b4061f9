package io.github.pictory4j.images.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping an application while jobs are being awaited: every pending wait ends with a clear error,
 * and no thread of the server is left running the module's code.
 */
@ExtendWith(ArquillianExtension.class)
class ShutdownIT {

    private static final Path OUTCOMES = Path.of("target/shutdown-it-outcomes.txt").toAbsolutePath();
    private static final String PORT = System.getProperty("liberty.http.port", "9080");
    private static final int WAITS = 5;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "waiting-probe", managed = false, testable = false)
    static WebArchive app() {
        return ProbeDeployments.probe("waiting-probe", "pictory.api-key=" + ProbeDeployments.TEST_KEY + "\n"
                        + "pictory.poll.interval=500ms\n"
                        + "pictory.poll.timeout=10m\n"
                        + "probe.outcomes.file=" + OUTCOMES + "\n")
                .addClass(PendingWaits.class);
    }

    @Test
    void stoppingTheAppEndsPendingWaitsClearlyAndLeavesNoThreadBehind() throws Exception {
        Files.deleteIfExists(OUTCOMES);
        PictoryStub.SERVER.resetAll();
        PictoryStub.SERVER.stubFor(get(urlPathMatching("/pictoryapis/v1/jobs/.*"))
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"in-progress\"}}")));
        deployer.deploy("waiting-probe");
        for (int i = 0; i < WAITS; i++) {
            assertEquals(200, ProbeDeployments.call("POST",
                    URI.create("http://localhost:" + PORT + "/waiting-probe/probe/pending/shutdown-job-" + i), null).statusCode());
        }
        awaitPolls(2 * WAITS);

        deployer.undeploy("waiting-probe");

        List<String> outcomes = Files.exists(OUTCOMES) ? Files.readAllLines(OUTCOMES) : List.of();
        assertEquals(WAITS, outcomes.size(), String.join("\n", outcomes));
        for (String outcome : outcomes) {
            assertTrue(outcome.contains("PictoryException | Stopped waiting for a Pictory job: the application is shutting down"),
                    outcome);
        }
        int pollsAtStop = polls();
        Thread.sleep(1500);
        assertEquals(pollsAtStop, polls(), "no poll after the app stopped");
        String threads = threadDump();
        assertFalse(threads.contains("io.github.pictory4j.images.client"), "a thread still runs the module:\n" + threads);
    }

    private static int polls() {
        return PictoryStub.SERVER.countRequestsMatching(getRequestedFor(urlPathMatching("/pictoryapis/v1/jobs/.*")).build())
                .getCount();
    }

    private static void awaitPolls(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (polls() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(polls() >= atLeast, polls() + " polls");
    }

    /** The Liberty JVM's threads, through the JDK's jcmd. */
    private static String threadDump() throws Exception {
        ProcessHandle liberty = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("ws-server.jar") && c.contains(TestServer.NAME))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no Liberty process found"));
        Optional<String> java = ProcessHandle.current().info().command();
        Path jcmd = Path.of(java.orElseThrow()).resolveSibling("jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(liberty.pid()), "Thread.print")
                .redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes());
        assertEquals(0, dump.waitFor(), out);
        assertTrue(out.contains("Full thread dump"), out);
        return out;
    }
}
