package io.github.pictory4j.images.simulator.junit;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static io.github.pictory4j.images.simulator.control.RequestPattern.submissions;
import static io.github.pictory4j.images.simulator.control.StringMatch.containing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PictorySimulatorTest} and {@link PictorySimulatorExtension} as a plain JUnit 5 test uses them. */
@PictorySimulatorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PictorySimulatorExtensionTest {

    private static SimulatorControl beforeAll;

    @BeforeAll
    static void takesTheControlBeforeAll(SimulatorControl pictory) {
        beforeAll = pictory;
    }

    static PictoryClient clientOf(SimulatorControl pictory) {
        return PictoryClient.builder().baseUrl(pictory.baseUrl().toString()).apiKey(pictory.apiKey())
                .settings(new PictorySettings(Duration.ofMillis(20), Duration.ofSeconds(20),
                        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5))))
                .build();
    }

    @Test
    @Order(1)
    void aTestGetsTheSimulatorWhoseJobsCompleteAtOnce(SimulatorControl pictory) {
        assertEquals("/simulator/pictoryapis", pictory.baseUrl().getPath());
        assertEquals(beforeAll.baseUrl(), pictory.baseUrl());
        pictory.failNext(submissions().endpoint(), 1, Fault.status(503));
        try (PictoryClient client = clientOf(pictory)) {
            ImageJob job = client.generate(ImageRequest.builder("A harbour at dawn, woodcut").build());
            assertEquals(JobStatus.COMPLETED, job.status());
        }
        pictory.verify(submissions().withPrompt(containing("harbour"))).times(2); // the 503, then the retry
        pictory.failNext(submissions().endpoint(), 1, Fault.status(500));         // left for the next test
    }

    @Test
    @Order(2)
    void eachTestStartsWithNoFaultsJobsOrRecords(SimulatorControl pictory) {
        assertEquals(0, pictory.requests().size(), "the previous test's requests are forgotten");
        try (PictoryClient client = clientOf(pictory)) {
            assertEquals(JobStatus.COMPLETED, client.generate(ImageRequest.builder("A quiet lake, ink").build()).status());
        }
        pictory.verify(submissions()).times(1); // the previous test's fault was not served
    }

    /** A nested class's tests get the same simulator, in a scope of their own. */
    @Nested
    class InANestedClass {

        @Test
        void itSharesTheSimulator(SimulatorControl pictory) {
            assertEquals(beforeAll.baseUrl(), pictory.baseUrl());
            assertNotEquals(beforeAll.apiKey(), pictory.apiKey());
        }
    }

    @Test
    void beforeTheClassStartsTheExtensionSaysWhenToAsk() {
        IllegalStateException early = assertThrows(IllegalStateException.class,
                () -> new PictorySimulatorExtension().baseUrl());
        assertTrue(early.getMessage().contains("@BeforeAll"), early.getMessage());
    }
}
