package io.github.pictory4j.images.simulator.standalone;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictoryAuthenticationException;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictoryConnectionException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.github.pictory4j.images.simulator.control.RequestPattern.submissions;
import static io.github.pictory4j.images.simulator.control.StringMatch.containing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator served outside a Jakarta EE server, in this JVM (from the project's classes: the runtime is on
 * the test class path), driven by the module's plain-Java client as an app's test would.
 */
class PictorySimulatorServerTest {

    private static PictorySimulatorServer pictory;

    @BeforeAll
    static void start() {
        pictory = PictorySimulatorServer.builder().jobDuration(Duration.ZERO).start();
    }

    @AfterAll
    static void stop() {
        pictory.close();
    }

    @BeforeEach
    void reset() {
        pictory.control().reset();
    }

    static PictoryClient clientOf(URI baseUrl, String key) {
        return PictoryClient.builder().baseUrl(baseUrl.toString()).apiKey(key)
                .settings(new PictorySettings(Duration.ofMillis(20), Duration.ofSeconds(20),
                        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5))))
                .build();
    }

    @Test
    void aClientGetsACompletedImageThatTheControlVerifies() throws Exception {
        try (PictoryClient client = clientOf(pictory.baseUrl(), pictory.apiKey())) {
            ImageJob job = client.generate(ImageRequest.builder("A harbour at dawn, woodcut").build());

            assertTrue(job.isCompleted(), job.toString());
            HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(job.url()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertEquals((byte) 0x89, png.body()[0], "a PNG");
        }
        pictory.control().verify(submissions().withPrompt(containing("harbour"))).times(1);
    }

    @Test
    void itListensOnLoopbackWithTheWarsPathAndARandomKey() {
        assertEquals("127.0.0.1", pictory.baseUrl().getHost());
        assertEquals("/simulator/pictoryapis", pictory.baseUrl().getPath());
        assertTrue(pictory.apiKey().matches("pictai_sim_[0-9a-f]{24}"), "a random key");
        assertFalse(pictory.toString().contains(pictory.apiKey()), "toString keeps the key out");
        assertEquals(pictory.baseUrl(), pictory.control().baseUrl());
        assertEquals(pictory.apiKey(), pictory.control().apiKey());
    }

    @Test
    void anotherKeyIsRefusedAsPictoryRefusesIt() {
        try (PictoryClient client = clientOf(pictory.baseUrl(), "pictai_not_this_one")) {
            assertThrows(PictoryAuthenticationException.class,
                    () -> client.submit(ImageRequest.builder("A lighthouse at dusk").build()));
        }
    }

    @Test
    void aScriptedResetIsABrokenConnectionForTheClient() {
        pictory.control().failNext(PictoryEndpoint.SUBMIT, 1, Fault.reset());
        try (PictoryClient client = clientOf(pictory.baseUrl(), pictory.apiKey())) {
            assertThrows(PictoryConnectionException.class,
                    () -> client.submit(ImageRequest.builder("A mountain in fog, ink").build()));
        }
        pictory.control().verify(submissions()).times(1); // a submission is not sent again
        assertTrue(pictory.control().requests().get(0).faultServed() != null);
    }

    @Test
    void twoSimulatorsAtOnceListenOnTwoPortsAndCloseFreesThePort() throws IOException {
        int port;
        try (PictorySimulatorServer other = PictorySimulatorServer.start()) {
            port = other.port();
            assertNotEquals(pictory.port(), port);
            other.control().reset(); // it answers
            assertNotEquals(pictory.apiKey(), other.apiKey());
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName(PictorySimulatorServer.HOST))) {
            assertEquals(port, again.getLocalPort(), "the port is free once closed");
        }
    }

    @Test
    void aGivenKeyAndPortAreUsed() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(PictorySimulatorServer.HOST))) {
            free = probe.getLocalPort();
        }
        try (PictorySimulatorServer fixed = PictorySimulatorServer.builder().port(free).apiKey("pictai_fixed").start()) {
            assertEquals(free, fixed.port());
            assertEquals("pictai_fixed", fixed.apiKey());
            fixed.control().reset();
        }
    }

    @Test
    void aWrongSettingFailsTheStartNamingIt() {
        RuntimeException wrong = assertThrows(RuntimeException.class,
                () -> PictorySimulatorServer.builder().setting("pictory.simulator.job-duration", "soon").start());
        assertTrue(wrong.getMessage().contains("pictory.simulator.job-duration"), wrong.getMessage());
        IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class,
                () -> PictorySimulatorServer.builder().setting("pictory.api-key", "x"));
        assertTrue(notOurs.getMessage().contains("pictory.api-key"), notOurs.getMessage());
    }
}
