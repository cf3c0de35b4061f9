package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries, answer checking and waiting, against a WireMock Pictory; each test counts the requests. */
class ImageClientTest {

    private static final String JOBS = "/pictoryapis/v1/jobs/";
    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final String CREATED = "{\"success\":true,\"data\":{\"jobId\":\"job-1\"}}";
    private static final String IN_PROGRESS = "{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"in-progress\"}}";
    private static final String COMPLETED = "{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"completed\","
            + "\"url\":\"https://cdn.example/job-1.png\",\"width\":1024,\"height\":1024,\"aiCreditsUsed\":2}}";

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    /** Fast backoff so that retry tests take milliseconds; the policy itself is tested in RetryPolicyTest. */
    private static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));

    private final ImageRequest request = ImageRequest.builder("A lighthouse at dawn").build();

    @AfterEach
    void stopScheduler() throws InterruptedException {
        // Wait for in-flight polls too: a late one would be counted by the next test's stub.
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }

    private ImageClient client() {
        return client(Duration.ofMillis(20), Duration.ofSeconds(5));
    }

    private ImageClient client(Duration pollInterval, Duration readTimeout) {
        return new ImageClient(RestClients.api(pictory.baseUrl(), readTimeout), () -> RestClients.KEY,
                new PictorySettings(pollInterval, Duration.ofSeconds(5), FAST_RETRIES), scheduler);
    }

    private void jobAnswers(String... bodies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodies.length; i++) {
            String next = i == bodies.length - 1 ? state : "poll-" + (i + 1);
            pictory.stubFor(get(JOBS + "job-1").inScenario("job").whenScenarioStateIs(state)
                    .willReturn(okJson(bodies[i])).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void serverErrorTwiceThenSuccessTakesThreeAttempts() {
        pictory.stubFor(post(IMAGES).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
        pictory.stubFor(post(IMAGES).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        pictory.stubFor(post(IMAGES).inScenario("flaky").whenScenarioStateIs("third").willReturn(okJson(CREATED)));

        assertEquals("job-1", client().submit(request));
        pictory.verify(3, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void serverErrorForeverGivesUpAfterOnePlusMaxRetries() {
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));

        PictoryServerException e = assertThrows(PictoryServerException.class, () -> client().submit(request));

        assertEquals(500, e.status());
        pictory.verify(1 + FAST_RETRIES.maxRetries(), postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void serverErrorForeverStaysWithinTheBackoffBudget() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(aResponse().withStatus(500)));
        ImageClient defaults = new ImageClient(RestClients.api(pictory.baseUrl()), () -> RestClients.KEY,
                new PictorySettings(Duration.ofSeconds(1), Duration.ofSeconds(5), RetryPolicy.DEFAULT), scheduler);

        long start = System.nanoTime();
        assertThrows(PictoryServerException.class, () -> defaults.getJob("job-1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Two retries: 500 ms then 1 s, each less up to 25 % jitter.
        assertTrue(took.compareTo(Duration.ofMillis(1125)) >= 0, "too fast: " + took);
        assertTrue(took.compareTo(Duration.ofMillis(1500 + 700)) <= 0, "over budget: " + took);
        pictory.verify(3, getRequestedFor(urlEqualTo(JOBS + "job-1")));
    }

    @Test
    void unavailableWithRetryAfterTwoSecondsWaitsTwoSeconds() {
        pictory.stubFor(post(IMAGES).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        pictory.stubFor(post(IMAGES).inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(CREATED)));

        long start = System.nanoTime();
        assertEquals("job-1", client().submit(request));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(waited.compareTo(Duration.ofMillis(1950)) >= 0, "waited only " + waited);
        assertTrue(waited.compareTo(Duration.ofMillis(2700)) <= 0, "waited " + waited);
        pictory.verify(2, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @ParameterizedTest(name = "{0} is never retried")
    @ValueSource(ints = {400, 401, 403, 404})
    void clientErrorsAreNeverRetried(int status) {
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(status).withBody("{\"message\":\"no\"}")));

        PictoryServiceException e = assertThrows(PictoryServiceException.class, () -> client().submit(request));

        assertEquals(status, e.status());
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void retryAfterIsHonoured() {
        pictory.stubFor(get(JOBS + "job-1").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        pictory.stubFor(get(JOBS + "job-1").inScenario("limited").whenScenarioStateIs("ok").willReturn(okJson(COMPLETED)));

        long start = System.nanoTime();
        ImageJob job = client().getJob("job-1");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(job.isCompleted());
        assertTrue(waited.compareTo(Duration.ofMillis(950)) >= 0, "waited only " + waited);
        pictory.verify(2, getRequestedFor(urlEqualTo(JOBS + "job-1")));
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsAtOnce() {
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        PictoryRateLimitException e = assertThrows(PictoryRateLimitException.class, () -> client().submit(request));

        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void aReadTimeoutOnSubmitIsNotRetriedBecauseTheJobMayExist() {
        pictory.stubFor(post(IMAGES).willReturn(okJson(CREATED).withFixedDelay(1500)));

        ImageClient impatient = client(Duration.ofMillis(20), Duration.ofMillis(300));
        long start = System.nanoTime();
        PictoryTimeoutException e = assertThrows(PictoryTimeoutException.class, () -> impatient.submit(request));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.requestMayHaveBeenProcessed());
        assertTrue(took.compareTo(Duration.ofMillis(300 + 500)) < 0, "a 300 ms read timeout took " + took);
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void aReadTimeoutOnAReadIsRetried() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(COMPLETED).withFixedDelay(1500)));

        assertThrows(PictoryTimeoutException.class,
                () -> client(Duration.ofMillis(20), Duration.ofMillis(300)).getJob("job-1"));

        pictory.verify(3, getRequestedFor(urlEqualTo(JOBS + "job-1")));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ImageClient unreachable = new ImageClient(RestClients.api("http://127.0.0.1:" + closedPort), () -> RestClients.KEY,
                new PictorySettings(Duration.ofMillis(20), Duration.ofSeconds(5), FAST_RETRIES), scheduler);

        PictoryConnectionException e = assertThrows(PictoryConnectionException.class, () -> unreachable.submit(request));

        assertFalse(e.requestMayHaveBeenProcessed());
        assertTrue(e.getMessage().contains("PICTORY_MP_REST_URL"), e.getMessage());
    }

    @Test
    void aConnectionResetMidBodyIsAConnectionErrorAndReadsAreRetried() throws IOException {
        try (TruncatingServer server = new TruncatingServer()) {
            ImageClient client = new ImageClient(RestClients.api(server.baseUrl()), () -> RestClients.KEY,
                    new PictorySettings(Duration.ofMillis(20), Duration.ofSeconds(5), FAST_RETRIES), scheduler);

            PictoryConnectionException e = assertThrows(PictoryConnectionException.class, () -> client.getJob("job-1"));

            assertTrue(e.requestMayHaveBeenProcessed());
            assertEquals(1 + FAST_RETRIES.maxRetries(), server.requests());
        }
    }

    @Test
    void malformedJsonIsAFormatErrorNotAStackTrace() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson("{\"success\":true,\"data\":{\"status\":")));

        PictoryResponseFormatException e = assertThrows(PictoryResponseFormatException.class, () -> client().getJob("job-1"));

        assertTrue(e.getMessage().startsWith("Reading job job-1: Pictory's answer"), e.getMessage());
        pictory.verify(1, getRequestedFor(urlEqualTo(JOBS + "job-1")));
    }

    @Test
    void anHtmlPageWithStatus200IsAFormatError() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Just a moment...</body></html>")));

        assertThrows(PictoryResponseFormatException.class, () -> client().getJob("job-1"));
        pictory.verify(1, getRequestedFor(urlEqualTo(JOBS + "job-1")));
    }

    @Test
    void anEmptyBodyIsAFormatError() {
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));

        assertThrows(PictoryResponseFormatException.class, () -> client().submit(request));
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void theOlderErrorEnvelopeOnSubmitIsAServiceError() {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":false,\"error\":{\"error_code\":890,"
                + "\"error_message\":\"Insufficient AI credits\"}}")));

        PictoryServiceException e = assertThrows(PictoryServiceException.class, () -> client().submit(request));

        assertEquals("890", e.errorCode().orElseThrow());
        assertTrue(e.getMessage().contains("Insufficient AI credits"));
    }

    @Test
    void waitingPollsThroughUnknownStatusesUntilCompleted() {
        jobAnswers(IN_PROGRESS, "{\"success\":true,\"data\":{\"status\":\"queued\"}}", IN_PROGRESS, COMPLETED);

        ImageJob job = client().awaitJob("job-1", Duration.ofSeconds(5));

        assertTrue(job.isCompleted());
        assertEquals("https://cdn.example/job-1.png", job.url());
        assertEquals(1024, job.width());
        pictory.verify(4, getRequestedFor(urlEqualTo(JOBS + "job-1")));
    }

    @Test
    void asyncWaitingPollsOnTheSchedulerUntilCompleted() {
        jobAnswers(IN_PROGRESS, IN_PROGRESS, COMPLETED);

        CompletableFuture<ImageJob> waiting = client().awaitJobAsync("job-1", Duration.ofSeconds(5));

        assertTrue(waiting.orTimeout(5, TimeUnit.SECONDS).join().isCompleted());
        pictory.verify(3, getRequestedFor(urlEqualTo(JOBS + "job-1")));
    }

    @Test
    void generateSubmitsThenWaits() {
        pictory.stubFor(post(IMAGES).willReturn(okJson(CREATED)));
        jobAnswers(IN_PROGRESS, COMPLETED);

        assertTrue(client().generate(request, Duration.ofSeconds(5)).isCompleted());
        assertTrue(client().generateAsync(request, Duration.ofSeconds(5)).join().isCompleted());
        pictory.verify(2, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void aFailedJobThrowsWithPictorysCodeAndMessage() {
        jobAnswers(IN_PROGRESS, "{\"job_id\":\"job-1\",\"success\":false,\"data\":{\"status\":\"failed\","
                + "\"error_code\":\"CONTENT_POLICY\",\"error_message\":\"The prompt was refused\"}}");

        ImageJobFailedException e = assertThrows(ImageJobFailedException.class,
                () -> client().awaitJob("job-1", Duration.ofSeconds(5)));

        assertEquals("CONTENT_POLICY", e.errorCode().orElseThrow());
        assertEquals("The prompt was refused", e.errorMessage().orElseThrow());
        assertTrue(e.job().isFailed());
    }

    @Test
    void aJobThatNeverFinishesHitsTheDeadlineWithBoundedPolls() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(IN_PROGRESS)));
        Duration interval = Duration.ofMillis(100);
        Duration timeout = Duration.ofMillis(550);

        long start = System.nanoTime();
        JobWaitTimeoutException e = assertThrows(JobWaitTimeoutException.class,
                () -> client(interval, Duration.ofSeconds(5)).awaitJob("job-1", timeout));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        int polls = pictory.countRequestsMatching(getRequestedFor(urlEqualTo(JOBS + "job-1")).build()).getCount();
        assertTrue(polls <= timeout.toMillis() / interval.toMillis() + 1, polls + " polls");
        assertTrue(polls >= 3, polls + " polls");
        assertTrue(took.compareTo(timeout.plusMillis(500)) < 0, "took " + took);
        assertTrue(e.getMessage().contains("pictory.poll.timeout"), e.getMessage());
        assertEquals(JobStatus.IN_PROGRESS, e.lastSeen().status());
    }

    @Test
    void asyncWaitingHitsTheDeadlineToo() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(IN_PROGRESS)));

        CompletableFuture<ImageJob> waiting = client(Duration.ofMillis(50), Duration.ofSeconds(5))
                .awaitJobAsync("job-1", Duration.ofMillis(200));

        CompletionException e = assertThrows(CompletionException.class, waiting::join);
        assertInstanceOf(JobWaitTimeoutException.class, e.getCause());
        int polls = pictory.countRequestsMatching(getRequestedFor(urlEqualTo(JOBS + "job-1")).build()).getCount();
        assertTrue(polls <= 200 / 50 + 1, polls + " polls");
    }

    @Test
    void withoutAKeyNothingIsSent() {
        ImageClient keyless = new ImageClient(RestClients.api(pictory.baseUrl()), () -> {
            throw new PictoryConfigurationException("No Pictory API key is configured");
        }, PictorySettings.DEFAULT, scheduler);

        assertThrows(PictoryConfigurationException.class, () -> keyless.submit(request));
        assertThrows(PictoryConfigurationException.class, () -> keyless.awaitJobAsync("job-1", Duration.ofSeconds(1)));
        pictory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void closingEndsPendingWaitsWithAClearMessage() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(IN_PROGRESS)));
        ImageClient client = client(Duration.ofSeconds(10), Duration.ofSeconds(5));
        CompletableFuture<ImageJob> waiting = client.awaitJobAsync("job-1", Duration.ofMinutes(1));

        client.close();

        CompletionException e = assertThrows(CompletionException.class, () -> waiting.orTimeout(2, TimeUnit.SECONDS).join());
        assertTrue(e.getCause().getMessage().contains("shutting down"), e.getCause().getMessage());
    }
}
