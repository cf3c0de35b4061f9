package io.github.pictory4j.images.simulator.junit;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static io.github.pictory4j.images.simulator.control.RequestPattern.submissions;
import static io.github.pictory4j.images.simulator.control.StringMatch.containing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Two plain JUnit test classes, run in parallel by JUnit itself, share one simulator and never see each other's
 * faults, jobs or records: each test has its own scope. Their time windows are asserted to overlap, and a barrier
 * holds each class until the other has scripted its fault, so the isolation is tested while both are live.
 */
class ParallelScopesTest {

    /** The windows of the two classes' tests, by class. */
    static final Map<String, Instant[]> WINDOWS = new ConcurrentHashMap<>();
    static final Map<String, String> SIMULATORS = new ConcurrentHashMap<>();
    /** Both classes have scripted their faults before either submits. */
    static volatile CyclicBarrier bothScripted;

    @Test
    void twoClassesInParallelOnOneSimulatorSeeOnlyTheirOwnFaultsJobsAndRecords() {
        WINDOWS.clear();
        SIMULATORS.clear();
        bothScripted = new CyclicBarrier(2);
        LauncherDiscoveryRequest parallel = request().selectors(selectClass(HarbourUser.class), selectClass(MountainUser.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(parallel, listener);

        TestExecutionSummary summary = listener.getSummary();
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 30);
        assertEquals(2, summary.getTestsSucceededCount(), failures.toString());
        Instant[] harbour = WINDOWS.get("harbour");
        Instant[] mountain = WINDOWS.get("mountain");
        assertTrue(harbour[0].isBefore(mountain[1]) && mountain[0].isBefore(harbour[1]),
                "the two classes' windows overlapped: harbour " + harbour[0] + "…" + harbour[1] + ", mountain "
                        + mountain[0] + "…" + mountain[1]);
        assertEquals(1, SIMULATORS.values().stream().distinct().count(), "one simulator for both: " + SIMULATORS);
    }

    /** Submits in its own scope, with a 503 scripted for every first submission of that scope. */
    static void submitWithOneScriptedOutage(SimulatorControl pictory, String theme) throws Exception {
        Instant start = Instant.now();
        SIMULATORS.put(theme, pictory.baseUrl().toString());
        pictory.failNext(submissions(), 1, Fault.status(503));
        bothScripted.await(30, TimeUnit.SECONDS);
        try (PictoryClient client = PictoryClient.builder().baseUrl(pictory.baseUrl().toString()).apiKey(pictory.apiKey())
                .settings(new PictorySettings(Duration.ofMillis(50), Duration.ofSeconds(30),
                        new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5))))
                .build()) {
            client.generate(ImageRequest.builder("A " + theme + " at dawn, woodcut").build());
        }
        pictory.verify(submissions()).times(2);      // its own 503 and retry: the other scope's fault is not served here
        pictory.verify(submissions().withPrompt(containing(theme))).times(2);
        for (RecordedRequest request : pictory.requests()) {
            if (request.endpoint() == PictoryEndpoint.SUBMIT) {
                assertTrue(request.body().contains(theme), "only this scope's submissions: " + request);
            }
            request.jobId().ifPresent(pictory::job);   // another scope's job would be a 404 here
        }
        WINDOWS.put(theme, new Instant[] {start, Instant.now()});
    }

    @PictorySimulatorTest
    static class HarbourUser {
        @Test
        void submits(SimulatorControl pictory) throws Exception {
            submitWithOneScriptedOutage(pictory, "harbour");
        }
    }

    @PictorySimulatorTest
    static class MountainUser {
        @Test
        void submits(SimulatorControl pictory) throws Exception {
            submitWithOneScriptedOutage(pictory, "mountain");
        }
    }
}
