package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pictory4j.images.client.internal.http.RetryExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries, answer decoding and waiting, against a WireMock Pictory, on virtual time: each test counts
 * the requests and asserts the exact waits between them (jitter off), not wall-clock windows. A few
 * tests that are about real sockets (timeouts, resets) and one retry on a real scheduler run in real time.
 */
class PictoryClientTest {

    private static final String JOBS = "/pictoryapis/v1/jobs/";
    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final String CREATED = "{\"success\":true,\"data\":{\"jobId\":\"job-1\"}}";
    private static final String IN_PROGRESS = "{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"in-progress\"}}";
    private static final String COMPLETED = "{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"completed\","
            + "\"url\":\"https://cdn.example/job-1.png\",\"width\":1024,\"height\":1024,\"aiCreditsUsed\":2}}";
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VirtualScheduler time = VirtualScheduler.automatic();
    private final List<Duration> retryDelays = new CopyOnWriteArrayList<>();
    private final List<PictoryClient> clients = new CopyOnWriteArrayList<>();
    private final ImageRequest request = ImageRequest.builder("A lighthouse at dawn").build();

    @AfterEach
    void stop() throws InterruptedException {
        clients.forEach(PictoryClient::close);
        time.shutdownNow();
        time.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A client on virtual time with Pictory's default settings, no jitter, recording each retry's delay. */
    private PictoryClient client() {
        return client(PictorySettings.DEFAULT, Duration.ofSeconds(5));
    }

    private PictoryClient client(PictorySettings settings, Duration readTimeout) {
        return track(builder(pictory.baseUrl(), readTimeout).settings(settings).scheduler(time).clock(time.clock()));
    }

    private PictoryClientBuilder builder(String baseUrl, Duration readTimeout) {
        return PictoryClient.builder().api(RestClients.api(baseUrl, readTimeout)).apiKey(RestClients.KEY)
                .jitter(() -> 0).retryListener((operation, retry, failure, delay) -> retryDelays.add(delay));
    }

    /** A client on manual time: the clock moves only when the test advances it, running what is due. */
    private PictoryClient onManualTime(PictorySettings settings, VirtualScheduler manual) {
        return track(builder(pictory.baseUrl(), Duration.ofSeconds(5)).settings(settings)
                .scheduler(manual).clock(manual.clock()));
    }

    private PictoryClient track(PictoryClientBuilder builder) {
        PictoryClient client = builder.build();
        clients.add(client);
        return client;
    }

    private static PictorySettings polling(Duration interval) {
        return new PictorySettings(interval, Duration.ofMinutes(10), RetryPolicy.DEFAULT);
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

    private static int reads() {
        return pictory.countRequestsMatching(getRequestedFor(urlEqualTo(JOBS + "job-1")).build()).getCount();
    }

    private static List<Duration> millis(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
    }

    @Test
    void serverErrorTwiceThenSuccessWaitsTheBackoffBetweenThreeAttempts() {
        pictory.stubFor(post(IMAGES).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
        pictory.stubFor(post(IMAGES).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        pictory.stubFor(post(IMAGES).inScenario("flaky").whenScenarioStateIs("third").willReturn(okJson(CREATED)));

        assertEquals("job-1", client().submit(request));

        pictory.verify(3, postRequestedFor(urlEqualTo(IMAGES)));
        assertEquals(millis(500, 1000), retryDelays, "500 ms, then doubled");
        assertEquals(Duration.ofMillis(1500), time.elapsed());
    }

    @Test
    void aRequestOfAKindThisReleaseCannotSendIsRefusedBeforeAnythingIsRecordedOrSent() {
        JobRequest unknownKind = new JobRequest() {
            @Override public PictoryValue model() { return ImageModel.FLUX_SCHNELL; }
            @Override public java.util.Optional<java.math.BigDecimal> estimatedCredits() { return ImageModel.FLUX_SCHNELL.creditsPerImage(); }
            @Override public String prompt() { return "A lighthouse at dawn"; }
            @Override public String webhook() { return null; }
            @Override public JobRequest withWebhook(String webhookUrl) { return this; }
        };
        PictoryClient client = client();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.submit(unknownKind));

        assertTrue(e.getMessage().contains("cannot submit") && e.getMessage().contains("ImageRequest"), e.getMessage());
        pictory.verify(0, postRequestedFor(urlEqualTo(IMAGES)));
        assertTrue(client.jobs(10).isEmpty() && client.unknownOutcomes().isEmpty(), "nothing recorded");
    }

    @Test
    void serverErrorForeverGivesUpAfterOnePlusMaxRetries() {
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));

        PictoryServerException e = assertThrows(PictoryServerException.class, () -> client().submit(request));

        assertEquals(500, e.status());
        pictory.verify(1 + RetryPolicy.DEFAULT.maxRetries(), postRequestedFor(urlEqualTo(IMAGES)));
        assertEquals(millis(500, 1000), retryDelays);
    }

    @Test
    void theBackoffIsCappedAndTheJitterTakesAtMostAQuarter() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(aResponse().withStatus(500)));
        RetryPolicy five = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(60));
        PictoryClient client = track(builder(pictory.baseUrl(), Duration.ofSeconds(5))
                .settings(new PictorySettings(INTERVAL, Duration.ofMinutes(1), five))
                .scheduler(time).clock(time.clock()).jitter(() -> 0.999_999));

        assertThrows(PictoryServerException.class, () -> client.getJob("job-1"));

        // 500, 1000, 2000, 3000 (capped), 3000, each less a quarter.
        assertEquals(millis(375, 750, 1500, 2250, 2250), retryDelays);
        assertEquals(6, reads());
    }

    @Test
    void unavailableWithRetryAfterTwoSecondsWaitsExactlyTwoSeconds() {
        pictory.stubFor(post(IMAGES).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        pictory.stubFor(post(IMAGES).inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(CREATED)));

        assertEquals("job-1", client().submit(request));

        assertEquals(millis(2000), retryDelays);
        assertEquals(Duration.ofSeconds(2), time.elapsed());
        pictory.verify(2, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void rateLimitedWithRetryAfterOneSecondWaitsExactlyOneSecond() {
        pictory.stubFor(get(JOBS + "job-1").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        pictory.stubFor(get(JOBS + "job-1").inScenario("limited").whenScenarioStateIs("ok").willReturn(okJson(COMPLETED)));

        assertTrue(client().getJob("job-1").isCompleted());

        assertEquals(millis(1000), retryDelays);
        assertEquals(2, reads());
    }

    @Test
    void aRetryAfterDateIsWaitedFor() {
        ZonedDateTime asked = ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(5);
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(asked);
        pictory.stubFor(get(JOBS + "job-1").inScenario("date").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", inFiveSeconds)).willSetStateTo("ok"));
        pictory.stubFor(get(JOBS + "job-1").inScenario("date").whenScenarioStateIs("ok").willReturn(okJson(COMPLETED)));
        PictoryClient client = client();
        Instant before = Instant.now();

        assertTrue(client.getJob("job-1").isCompleted());

        // The date has a one-second resolution and is read on the real clock some time after "before": the
        // wait is the date less the moment it was read, to the millisecond.
        Instant date = asked.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toInstant();
        Duration waited = retryDelays.get(0);
        Duration longest = Duration.between(before, date);
        Duration shortest = Duration.between(Instant.now(), date).minusMillis(1);
        assertTrue(waited.compareTo(shortest) >= 0 && waited.compareTo(longest) <= 0,
                waited + " not within " + shortest + " and " + longest);
        assertEquals(Duration.ofMillis(waited.toMillis()), time.elapsed(), "scheduled to the millisecond");
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsAtOnce() {
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        PictoryRateLimitException e = assertThrows(PictoryRateLimitException.class, () -> client().submit(request));

        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
        assertEquals(Duration.ZERO, time.elapsed());
    }

    @ParameterizedTest(name = "{0} is never retried")
    @ValueSource(ints = {400, 401, 403, 404})
    void clientErrorsAreNeverRetried(int status) {
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(status).withBody("{\"message\":\"no\"}")));

        PictoryServiceException e = assertThrows(PictoryServiceException.class, () -> client().submit(request));

        assertEquals(status, e.status());
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
        assertTrue(retryDelays.isEmpty());
    }

    @Test
    void aReadTimeoutOnSubmitIsNotRetriedBecauseTheJobMayExist() {
        // Real time: the read timeout is the socket's.
        // The answer comes 3 s late; the bound below leaves a busy machine 2.7 s of slack over the timeout.
        pictory.stubFor(post(IMAGES).willReturn(okJson(CREATED).withFixedDelay(3000)));
        PictoryClient impatient = client(PictorySettings.DEFAULT, Duration.ofMillis(300));

        long start = System.nanoTime();
        PictoryTimeoutException e = assertThrows(PictoryTimeoutException.class, () -> impatient.submit(request));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.requestMayHaveBeenProcessed());
        assertTrue(took.compareTo(Duration.ofMillis(3000)) < 0, "gave up before the late answer: a 300 ms read timeout took " + took);
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void aReadTimeoutOnAReadIsRetried() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(COMPLETED).withFixedDelay(1500)));

        assertThrows(PictoryTimeoutException.class,
                () -> client(PictorySettings.DEFAULT, Duration.ofMillis(300)).getJob("job-1"));

        assertEquals(3, reads());
        assertEquals(millis(500, 1000), retryDelays);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PictoryClient unreachable = track(builder("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5))
                .scheduler(time).clock(time.clock()));

        PictoryConnectionException e = assertThrows(PictoryConnectionException.class, () -> unreachable.submit(request));

        assertFalse(e.requestMayHaveBeenProcessed());
        assertTrue(e.getMessage().contains("PICTORY_MP_REST_URL"), e.getMessage());
        assertEquals(millis(500, 1000), retryDelays, "refused before anything was sent: a submission is retried");
    }

    @Test
    void aConnectionResetMidBodyIsAConnectionErrorAndReadsAreRetried() throws IOException {
        try (TruncatingServer server = new TruncatingServer()) {
            PictoryClient client = track(builder(server.baseUrl(), Duration.ofSeconds(5)).scheduler(time).clock(time.clock()));

            PictoryConnectionException e = assertThrows(PictoryConnectionException.class, () -> client.getJob("job-1"));

            assertTrue(e.requestMayHaveBeenProcessed());
            assertEquals(1 + RetryPolicy.DEFAULT.maxRetries(), server.requests());
        }
    }

    @Test
    void retriesWaitOnARealSchedulerToo() {
        ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
        try {
            pictory.stubFor(get(JOBS + "job-1").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
            pictory.stubFor(get(JOBS + "job-1").inScenario("limited").whenScenarioStateIs("ok").willReturn(okJson(COMPLETED)));
            PictoryClient client = track(builder(pictory.baseUrl(), Duration.ofSeconds(5)).scheduler(real));

            long start = System.nanoTime();
            assertTrue(client.getJob("job-1").isCompleted());

            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(950)) >= 0);
            assertEquals(2, reads());
        } finally {
            real.shutdownNow();
        }
    }

    @Test
    void malformedJsonIsAFormatErrorNotAStackTrace() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson("{\"success\":true,\"data\":{\"status\":")));

        PictoryResponseFormatException e = assertThrows(PictoryResponseFormatException.class, () -> client().getJob("job-1"));

        assertTrue(e.getMessage().startsWith("Reading job job-1: Pictory's answer"), e.getMessage());
        assertEquals(1, reads());
    }

    @Test
    void anHtmlPageWithStatus200IsAFormatError() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Just a moment...</body></html>")));

        assertThrows(PictoryResponseFormatException.class, () -> client().getJob("job-1"));
        assertEquals(1, reads());
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

    @ParameterizedTest(name = "JOB_NOT_FOUND as {0}, inside a 200")
    @ValueSource(strings = {"{\"success\":false,\"error\":{\"error_code\":\"5000\",\"error_message\":\"JOB_NOT_FOUND\"}}",
            "{\"success\":false,\"error\":{\"error_code\":\"JOB_NOT_FOUND\",\"error_message\":\"Job not found\"}}"})
    void jobNotFoundInA200IsNotFoundWhicheverFieldSaysIt(String body) {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(body)));

        PictoryNotFoundException e = assertThrows(PictoryNotFoundException.class, () -> client().getJob("job-1"));

        assertEquals(200, e.status());
        assertEquals(1, reads());
    }

    @Test
    void waitingPollsThroughUnknownStatusesUntilCompletedOncePerInterval() {
        jobAnswers(IN_PROGRESS, "{\"success\":true,\"data\":{\"status\":\"queued\"}}", IN_PROGRESS, COMPLETED);

        ImageJob job = client(polling(INTERVAL), Duration.ofSeconds(5)).awaitJob("job-1", Duration.ofMinutes(5));

        assertTrue(job.isCompleted());
        assertEquals("https://cdn.example/job-1.png", job.url());
        assertEquals(1024, job.width());
        assertEquals(4, reads());
        assertEquals(INTERVAL.multipliedBy(3), time.elapsed(), "polls at 0, 15, 30 and 45 s");
    }

    @Test
    void asyncWaitingPollsOnTheSchedulerUntilCompleted() {
        jobAnswers(IN_PROGRESS, IN_PROGRESS, COMPLETED);

        CompletableFuture<ImageJob> waiting = client(polling(INTERVAL), Duration.ofSeconds(5))
                .awaitJobAsync("job-1", Duration.ofMinutes(5));

        assertTrue(waiting.orTimeout(5, TimeUnit.SECONDS).join().isCompleted());
        assertEquals(3, reads());
        assertEquals(INTERVAL.multipliedBy(2), time.elapsed());
    }

    @Test
    void manyWaitsForOneJobShareItsPolls() {
        jobAnswers(IN_PROGRESS, IN_PROGRESS, COMPLETED);
        PictoryClient client = client(polling(INTERVAL), Duration.ofSeconds(5));

        List<CompletableFuture<ImageJob>> waits = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> client.awaitJobAsync("job-1", Duration.ofMinutes(5))).toList();

        waits.forEach(wait -> assertTrue(wait.orTimeout(5, TimeUnit.SECONDS).join().isCompleted()));
        assertEquals(3, reads(), "one chain of polls, not one per wait");
    }

    @Test
    void generateSubmitsThenWaits() {
        pictory.stubFor(post(IMAGES).willReturn(okJson(CREATED)));
        jobAnswers(IN_PROGRESS, COMPLETED);

        PictoryClient client = client(polling(INTERVAL), Duration.ofSeconds(5));
        assertTrue(client.generate(request, Duration.ofMinutes(1)).isCompleted());
        assertTrue(client.generateAsync(request, Duration.ofMinutes(1)).join().isCompleted());
        pictory.verify(2, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void aFailedJobThrowsWithPictorysCodeAndMessage() {
        jobAnswers(IN_PROGRESS, "{\"job_id\":\"job-1\",\"success\":false,\"data\":{\"status\":\"failed\","
                + "\"error_code\":\"CONTENT_POLICY\",\"error_message\":\"The prompt was refused\"}}");

        ImageJobFailedException e = assertThrows(ImageJobFailedException.class,
                () -> client().awaitJob("job-1", Duration.ofMinutes(1)));

        assertEquals("CONTENT_POLICY", e.errorCode().orElseThrow());
        assertEquals("The prompt was refused", e.errorMessage().orElseThrow());
        assertTrue(e.job().isFailed());
    }

    // The deadline tests run on manual time: an automatic scheduler could run the first polls before the
    // waiting thread had set the deadline, and so start the wait's time late (seen in CI, 13 runs in 300 here).
    @Test
    void aJobThatNeverFinishesEndsTheWaitAtTheDeadlineWithinThePollBound() throws Exception {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(IN_PROGRESS)));
        Duration interval = Duration.ofMillis(100);
        Duration timeout = Duration.ofMillis(550);
        VirtualScheduler manual = VirtualScheduler.manual();
        PictoryClient client = onManualTime(polling(interval), manual);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                client.awaitJob("job-1", timeout);
                thrown.complete(null);
            } catch (RuntimeException e) {
                thrown.complete(e);
            }
        });
        waiter.start();
        manual.awaitQueued(2); // the first poll and the deadline

        manual.advance(timeout.minusMillis(1));
        assertEquals(6, reads(), "polls at 0, 100, …, 500 ms: ⌈550/100⌉ + 1 = 7 at most");
        assertFalse(thrown.isDone(), "still waiting 1 ms before the deadline");

        manual.advance(Duration.ofMillis(1));
        JobWaitTimeoutException e = assertInstanceOf(JobWaitTimeoutException.class, thrown.get(5, TimeUnit.SECONDS),
                "the wait ends at its deadline, not at a poll");
        assertTrue(e.getMessage().contains("pictory.poll.timeout"), e.getMessage());
        assertTrue(e.getMessage().contains("6 polls"), e.getMessage());
        assertEquals(JobStatus.IN_PROGRESS, e.lastSeen().status());

        manual.advance(Duration.ofSeconds(1));
        assertEquals(6, reads(), "no poll after the wait ended");
        assertEquals(0, manual.queued());
    }

    @Test
    void asyncWaitingHitsTheDeadlineToo() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(IN_PROGRESS)));
        VirtualScheduler manual = VirtualScheduler.manual();

        CompletableFuture<ImageJob> waiting = onManualTime(polling(Duration.ofMillis(50)), manual)
                .awaitJobAsync("job-1", Duration.ofMillis(200));
        manual.advance(Duration.ofMillis(199));
        assertFalse(waiting.isDone());
        manual.advance(Duration.ofMillis(1));

        CompletionException e = assertThrows(CompletionException.class, waiting::join);
        assertInstanceOf(JobWaitTimeoutException.class, e.getCause());
        assertEquals(4, reads(), "0, 50, 100, 150 ms; the deadline comes before the poll at 200");
        assertEquals(0, manual.queued(), "no poll after the wait ended");
    }

    @Test
    void withoutAKeyNothingIsSent() {
        PictoryClient keyless = track(PictoryClient.builder().api(RestClients.api(pictory.baseUrl())).apiKey(() -> {
            throw new PictoryConfigurationException("No Pictory API key is configured");
        }).scheduler(time).clock(time.clock()));

        assertThrows(PictoryConfigurationException.class, () -> keyless.submit(request));
        assertThrows(PictoryConfigurationException.class, () -> keyless.getJob("job-1"));
        pictory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void closingEndsPendingWaitsWithAClearMessageAndNoPollFollows() {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(IN_PROGRESS)));
        VirtualScheduler manual = VirtualScheduler.manual();
        PictoryClient client = onManualTime(polling(INTERVAL), manual);
        CompletableFuture<ImageJob> waiting = client.awaitJobAsync("job-1", Duration.ofMinutes(1));
        manual.runDue();
        assertEquals(1, reads());

        client.close();
        manual.advance(Duration.ofMinutes(2));

        CompletionException e = assertThrows(CompletionException.class, waiting::join);
        assertTrue(e.getCause().getMessage().contains("shutting down"), e.getCause().getMessage());
        assertEquals(1, reads(), "no poll after close");
        assertEquals(0, manual.queued());
    }

    @Test
    void anInterruptedBlockingWaitStopsAndKeepsTheInterrupt() throws Exception {
        pictory.stubFor(get(JOBS + "job-1").willReturn(okJson(IN_PROGRESS)));
        VirtualScheduler manual = VirtualScheduler.manual();
        PictoryClient client = onManualTime(polling(INTERVAL), manual);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                client.awaitJob("job-1", Duration.ofMinutes(1));
            } catch (RuntimeException e) {
                thrown.complete(e);
                interruptKept.complete(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        manual.awaitQueued(2); // the wait has registered its first poll and its deadline

        waiter.interrupt();

        assertInstanceOf(PictoryException.class, thrown.get(5, TimeUnit.SECONDS));
        assertTrue(thrown.get().getMessage().startsWith("Interrupted while waiting for job job-1"), thrown.get().getMessage());
        assertTrue(interruptKept.get(5, TimeUnit.SECONDS));
    }
}
