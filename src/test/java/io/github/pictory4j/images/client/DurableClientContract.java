package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pictory4j.images.client.internal.jdbc.Database;
import io.github.pictory4j.images.client.internal.jdbc.JdbcJobStore;
import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client with a durable store, on a real database and virtual time, against a WireMock Pictory:
 * nothing paid for is lost (see {@link H2DurableClientTest}, {@link PostgresDurableClientTest}). A
 * "restart" is a new client on the same database after the first was closed, as a new JVM would be.
 */
abstract class DurableClientContract {

    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VirtualScheduler time = VirtualScheduler.manual();
    private final List<ImageJob> ended = new CopyOnWriteArrayList<>();
    private final List<PictoryClient> clients = new CopyOnWriteArrayList<>();
    private TestDatabases.TestDatabase db;
    private FlakyDataSource database;

    abstract TestDatabases.Kind kind();

    @BeforeEach
    void start() {
        db = TestDatabases.create(kind());
        database = new FlakyDataSource(db.dataSource());
    }

    @AfterEach
    void stop() {
        clients.forEach(PictoryClient::close);
        if (db != null) { // null when the database was not reachable and the test did not run
            db.close();
        }
    }

    /** One instance alone on its database: no watching for other instances' ends (see the cluster tests). */
    private static final StoreSettings ALONE = new StoreSettings(null, true, StoreSettings.DEFAULT.imageMaxBytes(),
            Duration.ofSeconds(60), 8, 4, Duration.ofMinutes(1), Duration.ZERO);

    private PictoryClient client(String instance) {
        return client(instance, ALONE, Duration.ofSeconds(5));
    }

    private PictoryClient client(String instance, StoreSettings store, Duration readTimeout) {
        PictoryClient client = PictoryClient.builder().api(RestClients.api(pictory.baseUrl(), readTimeout))
                .apiKey(RestClients.KEY).settings(new PictorySettings(INTERVAL, Duration.ofMinutes(10), RetryPolicy.none()))
                .scheduler(time).clock(time.clock()).jitter(() -> 0).owner(instance)
                .onJobEnd(ended::add).dataSource(database).storeSettings(store).build();
        clients.add(client);
        return client;
    }

    /** Pictory creates {@code jobId} for the next submission. */
    private static void creates(String jobId) {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"" + jobId + "\"}}")));
    }

    private static void jobIs(String jobId, String status) {
        String data = "completed".equals(status)
                ? "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/" + jobId + ".png\",\"width\":1024,"
                        + "\"height\":1024,\"aiCreditsUsed\":0.6}"
                : "{\"status\":\"" + status + "\"}";
        pictory.stubFor(get("/pictoryapis/v1/jobs/" + jobId)
                .willReturn(okJson("{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":" + data + "}")));
    }

    private static void serves(String jobId, byte[] png) {
        pictory.stubFor(get("/cdn/" + jobId + ".png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(png)));
    }

    private static int reads(String jobId) {
        return pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/" + jobId))).size();
    }

    private static String submitted(PictoryClient client, String jobId) {
        creates(jobId);
        jobIs(jobId, "in-progress");
        return client.submit(ImageRequest.builder("A lighthouse at dawn, " + jobId).model(ImageModel.FLUX_SCHNELL).build());
    }

    @Test
    void aSubmissionTheStoreCannotRecordIsNeverSent() {
        PictoryClient client = client("a");
        database.down = true;

        PictoryStoreException e = assertThrows(PictoryStoreException.class,
                () -> client.submit(ImageRequest.builder("A lighthouse at dawn").build()));

        assertTrue(e.getMessage().contains("nothing was sent to Pictory"), e.getMessage());
        pictory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void everyJobIsFollowedToItsEndAndItsImageKeptWhetherOrNotAnyoneWaits() throws IOException {
        PictoryClient client = client("a");
        String jobId = submitted(client, "job-followed");
        byte[] png = png(320, 180);
        serves(jobId, png);

        time.advance(INTERVAL);
        assertEquals(1, reads(jobId), "the first poll comes one interval after the submission");
        jobIs(jobId, "completed");
        time.advance(INTERVAL);

        assertEquals(List.of(jobId), ended.stream().map(ImageJob::jobId).toList());
        KeptImage kept = client.keptImage(jobId).orElseThrow();
        assertEquals(320, kept.width(), "the PNG's own size, not Pictory's 1024x1024");
        assertEquals(180, kept.height());
        pictory.stubFor(get("/cdn/" + jobId + ".png").willReturn(notFound())); // Pictory purged its link
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        client.keptImage(jobId).orElseThrow().writeTo(copy);
        assertEquals(png.length, copy.size());
        JobRecord record = client.job(jobId).orElseThrow();
        assertTrue(record.ended());
        assertEquals(JobRecord.KeptImageState.Status.KEPT, record.image().status());
        time.advance(INTERVAL.multipliedBy(10));
        assertEquals(2, reads(jobId), "no poll after the end");
    }

    @Test
    void aRestartFollowsUnfinishedJobsAgainWithTheirFirstPollsSpreadOverTheInterval() {
        PictoryClient before = client("a");
        for (int i = 0; i < 4; i++) {
            submitted(before, "job-" + i);
        }
        before.close(); // the application stops before any poll

        client("b");
        time.runDue();
        assertEquals(1, reads("job-0") + reads("job-1") + reads("job-2") + reads("job-3"), "one at once, not four");
        for (int step = 1; step < 4; step++) {
            time.advance(INTERVAL.dividedBy(4));
            assertEquals(step + 1, reads("job-0") + reads("job-1") + reads("job-2") + reads("job-3"),
                    "one more every quarter interval");
        }
        for (int i = 0; i < 4; i++) {
            jobIs("job-" + i, i == 3 ? "failed" : "completed");
            serves("job-" + i, new byte[0]);
        }
        time.advance(INTERVAL);

        assertEquals(List.of("job-0", "job-1", "job-2", "job-3"), ended.stream().map(ImageJob::jobId).sorted().toList());
    }

    @Test
    void eachEndIsAnnouncedOnceAcrossRestartsEvenWhenTheAnnouncerDiedMidway() {
        PictoryClient first = client("a");
        submitted(first, "job-seen");
        submitted(first, "job-orphan");
        jobIs("job-seen", "failed");
        time.advance(INTERVAL);
        assertEquals(List.of("job-seen"), ended.stream().map(ImageJob::jobId).toList());
        first.close();
        // Another run recorded job-orphan's end, then died before its event fired.
        io.github.pictory4j.images.client.internal.store.JobStore crashed = JdbcJobStore.open(new Database(database, "test"), "dead-instance");
        assertTrue(crashed.records().claimEnd(new ImageJob("job-orphan", JobStatus.FAILED, null, null, null, null, "E", "no"),
                time.now()));
        time.advance(io.github.pictory4j.images.client.internal.store.Claims.ANNOUNCEMENT_CLAIM.plusSeconds(1));
        ended.clear();

        client("b");
        time.runDue();
        PictoryClient third = client("c");
        time.advance(INTERVAL.multipliedBy(4));

        assertEquals(List.of("job-orphan"), ended.stream().map(ImageJob::jobId).toList(), "once, by b; never again");
        assertTrue(third.unknownOutcomes().isEmpty());
    }

    @Test
    void theDatabaseDownWhileAJobRunsLosesNothingAndFiresOnce() throws IOException {
        PictoryClient client = client("a");
        String jobId = submitted(client, "job-db-down");
        serves(jobId, png(64, 64));
        CompletableFuture<ImageJob> waiting = client.awaitJobAsync(jobId, Duration.ofMinutes(5));
        jobIs(jobId, "completed");
        database.down = true;

        time.advance(INTERVAL);
        assertTrue(waiting.join().isCompleted(), "the wait ends: Pictory says completed");
        assertTrue(ended.isEmpty(), "but the end is not recorded, so it is not announced yet");

        database.down = false;
        time.advance(INTERVAL);

        assertEquals(List.of(jobId), ended.stream().map(ImageJob::jobId).toList());
        assertTrue(client.job(jobId).orElseThrow().ended());
        time.runDue();
        assertTrue(client.keptImage(jobId).isPresent());
        time.advance(INTERVAL.multipliedBy(5));
        assertEquals(1, ended.size());
    }

    @Test
    void aFailedDownloadIsTriedAgainLaterAndKept() throws IOException {
        PictoryClient client = client("a");
        String jobId = submitted(client, "job-flaky-cdn");
        byte[] png = png(64, 64);
        pictory.stubFor(get("/cdn/" + jobId + ".png").inScenario("cdn").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        pictory.stubFor(get("/cdn/" + jobId + ".png").inScenario("cdn").whenScenarioStateIs("up")
                .willReturn(aResponse().withBody(png)));
        jobIs(jobId, "completed");

        time.advance(INTERVAL);
        assertEquals(JobRecord.KeptImageState.Status.PENDING, client.job(jobId).orElseThrow().image().status());
        assertTrue(client.job(jobId).orElseThrow().image().problem().contains("503"));
        time.advance(Duration.ofSeconds(4));
        assertTrue(client.keptImage(jobId).isEmpty(), "the retry comes 5 s later");
        time.advance(Duration.ofSeconds(1));

        assertEquals(64, client.keptImage(jobId).orElseThrow().width());
    }

    @Test
    void whatCannotBeKeptIsGivenUpWithTheReasonAndTheJobStaysCompleted() {
        PictoryClient client = client("a", new StoreSettings(null, true, 4096, Duration.ofSeconds(60), 8, 4, Duration.ofMinutes(1),
                Duration.ZERO), Duration.ofSeconds(5));
        submitted(client, "job-html");
        submitted(client, "job-huge");
        submitted(client, "job-purged");
        pictory.stubFor(get("/cdn/job-html.png").willReturn(aResponse().withBody("<html>Just a moment...</html>")));
        pictory.stubFor(get("/cdn/job-huge.png").willReturn(aResponse().withBody(pngOfAtLeast(5000))));
        pictory.stubFor(get("/cdn/job-purged.png").willReturn(notFound()));
        for (String jobId : List.of("job-html", "job-huge", "job-purged")) {
            jobIs(jobId, "completed");
        }

        time.advance(INTERVAL);
        time.runDue();

        assertProblem(client, "job-html", "not a PNG");
        assertProblem(client, "job-huge", "larger than pictory.store.image-max-bytes (4096 bytes)");
        assertProblem(client, "job-purged", "no longer serves the image (404)");
        assertEquals(3, ended.size());
        int downloads = pictory.findAll(getRequestedFor(urlPathMatching("/cdn/.*"))).size();
        time.advance(Duration.ofHours(2));
        assertEquals(downloads, pictory.findAll(getRequestedFor(urlPathMatching("/cdn/.*"))).size(), "never again");
    }

    private static void assertProblem(PictoryClient client, String jobId, String problem) {
        JobRecord record = client.job(jobId).orElseThrow();
        assertEquals(JobStatus.COMPLETED, record.lastSeen().status());
        assertEquals(JobRecord.KeptImageState.Status.FAILED, record.image().status(), jobId);
        assertTrue(record.image().problem().contains(problem), record.image().problem());
        assertTrue(client.keptImage(jobId).isEmpty());
    }

    @Test
    void aSubmissionWhoseAnswerNeverCameIsAnUnknownOutcomeNotAJob() {
        PictoryClient client = client("a", ALONE, Duration.ofMillis(300));
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-late\"}}")
                .withFixedDelay(1500)));

        assertThrows(PictoryTimeoutException.class, () -> client.submit(ImageRequest.builder("A lighthouse at dawn").build()));

        List<UnknownOutcome> unknown = client.unknownOutcomes();
        assertEquals(1, unknown.size());
        assertEquals("A lighthouse at dawn", unknown.get(0).request().prompt());
        assertTrue(unknown.get(0).reason().contains("did not answer in time"), unknown.get(0).reason());
        assertTrue(client.jobs(10).isEmpty());
    }

    @Test
    void aSubmissionLeftSendingByADeadProcessIsReportedWithAWarningAtStart() {
        Database dead = new Database(database, "test");
        io.github.pictory4j.images.client.internal.jdbc.Schema.ensure(dead, true, time.now());
        JdbcJobStore.open(dead, "dead").submissions().submissionStarting(
                new io.github.pictory4j.images.client.internal.submission.PendingSubmission(ImageRequest.builder("Lost in flight").build(),
                        null, null, null, time.now()));
        time.advance(Duration.ofMinutes(2));
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.github.pictory4j.images.client");
        logger.addHandler(capture);
        try {
            PictoryClient client = client("b");

            assertEquals("Lost in flight", client.unknownOutcomes().get(0).request().prompt());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("1 Pictory submissions have an unknown outcome")),
                    warnings.toString());
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aJobPictoryNoLongerKnowsEndsFailedAndIsNotDroppedInSilence() {
        PictoryClient client = client("a");
        String jobId = submitted(client, "job-vanished");
        pictory.stubFor(get("/pictoryapis/v1/jobs/" + jobId).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Job not found\"}")));

        time.advance(INTERVAL);
        time.advance(INTERVAL.multipliedBy(5));

        JobRecord record = client.job(jobId).orElseThrow();
        assertTrue(record.ended());
        assertEquals(JobStatus.FAILED, record.lastSeen().status());
        assertEquals("JOB_NOT_FOUND", record.lastSeen().errorCode());
        assertEquals(List.of(jobId), ended.stream().map(ImageJob::jobId).toList());
        assertEquals(1, reads(jobId), "no poll after Pictory said it has no such job");
    }

    @Test
    void deletingAJobForgetsItButLeavesPictoryAlone() throws IOException {
        PictoryClient client = client("a");
        String jobId = submitted(client, "job-delete");
        serves(jobId, png(32, 32));
        jobIs(jobId, "completed");
        time.advance(INTERVAL);
        time.runDue();
        assertTrue(client.keptImage(jobId).isPresent());

        assertTrue(client.deleteJob(jobId));

        assertTrue(client.job(jobId).isEmpty());
        assertTrue(client.keptImage(jobId).isEmpty());
        assertFalse(pictory.findAll(anyRequestedFor(urlPathMatching(".*/clean"))).size() > 0);
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] pngOfAtLeast(int bytes) {
        try {
            BufferedImage noise = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
            java.util.Random random = new java.util.Random(1);
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 100; x++) {
                    noise.setRGB(x, y, random.nextInt());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(noise, "png", out);
            assertTrue(out.size() >= bytes);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
