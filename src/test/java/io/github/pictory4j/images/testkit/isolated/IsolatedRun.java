package io.github.pictory4j.images.testkit.isolated;

import io.github.pictory4j.images.simulator.standalone.PictorySimulatorServer;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The child JVM's main: times a first and a second start of the simulator from the jar (the first extracts
 * and loads the runtime), then runs {@link IsolatedSimulatorCase} with JUnit; exits 0 when it passed.
 */
public final class IsolatedRun {

    private IsolatedRun() {
    }

    public static void main(String[] args) {
        for (String start : new String[] {"first", "second"}) {
            long began = System.nanoTime();
            try (PictorySimulatorServer server = PictorySimulatorServer.start()) {
                System.out.println("start-ms " + start + " " + (System.nanoTime() - began) / 1_000_000 + " " + server);
            }
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(IsolatedSimulatorCase.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.printTo(new PrintWriter(System.out));
        summary.printFailuresTo(new PrintWriter(System.out), 40);
        System.out.flush();
        System.exit(summary.getTestsSucceededCount() == 1 && summary.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
