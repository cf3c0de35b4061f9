package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pictory4j.images.client.internal.following.JobPoller;
import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import io.github.pictory4j.images.client.webhook.WebhookTokens;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances on one database behave as one (see {@link H2ClusterTest}, {@link PostgresClusterTest}):
 * any instance takes any callback, one event per job cluster-wide, one poller per job, takeover of a dead
 * instance's jobs, and every instance learns of every end. The instances are clients in one JVM on one
 * real database, on virtual time.
 */
abstract class ClusterContract {

    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final String SECRET = "cluster-test-webhook-secret-0123456789abcdef";
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final StoreSettings WATCHING = new StoreSettings(null, true, StoreSettings.DEFAULT.imageMaxBytes(),
            Duration.ofSeconds(60), 8, 4, Duration.ofMinutes(10), Duration.ofSeconds(1));

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VirtualScheduler time = VirtualScheduler.manual();
    private final List<String> endedOnA = new CopyOnWriteArrayList<>();
    private final List<String> endedOnB = new CopyOnWriteArrayList<>();
    private final List<String> seenOnB = new CopyOnWriteArrayList<>();
    private final List<PictoryClient> clients = new CopyOnWriteArrayList<>();
    private TestDatabases.TestDatabase db;

    abstract TestDatabases.Kind kind();

    @BeforeEach
    void start() {
        db = TestDatabases.create(kind());
        pictory.stubFor(get(urlPathMatching("/cdn/.*")).willReturn(okJson("{}").withStatus(404)));
    }

    @AfterEach
    void stop() {
        clients.forEach(PictoryClient::close);
        if (db != null) { // null when the database was not reachable and the test did not run
            db.close();
        }
    }

    private PictoryClient instance(String name, VirtualScheduler scheduler, List<String> ended, List<String> seen) {
        PictoryClient client = PictoryClient.builder().api(RestClients.api(pictory.baseUrl())).apiKey(RestClients.KEY)
                .settings(new PictorySettings(INTERVAL, Duration.ofMinutes(30), RetryPolicy.none()))
                .webhooks(WebhookSupport.of("https://lb.example.com/api/pictory/webhook", SECRET, Duration.ofHours(2),
                        INTERVAL, scheduler.clock()))
                .scheduler(scheduler).clock(scheduler.clock()).jitter(() -> 0).owner(name)
                .onJobEnd(job -> ended.add(job.jobId())).onJobEndSeen(job -> seen.add(job.jobId()))
                .dataSource(db.dataSource()).storeSettings(WATCHING).build();
        clients.add(client);
        return client;
    }

    private static String submit(PictoryClient client, String jobId) {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"" + jobId + "\"}}")));
        jobIs(jobId, "in-progress");
        return client.submit(ImageRequest.builder("A lighthouse at dawn, " + jobId).build());
    }

    private static void jobIs(String jobId, String status) {
        String data = "completed".equals(status) ? "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/"
                + jobId + ".png\",\"width\":1024,\"height\":1024,\"aiCreditsUsed\":2}" : "{\"status\":\"" + status + "\"}";
        pictory.stubFor(get("/pictoryapis/v1/jobs/" + jobId)
                .willReturn(okJson("{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":" + data + "}")));
    }

    private static int reads(String jobId) {
        return pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/" + jobId))).size();
    }

    private static String tokenOf(String jobId) {
        for (LoggedRequest sent : pictory.findAll(postRequestedFor(urlEqualTo(IMAGES)))) {
            String body = sent.getBodyAsString();
            if (body.contains(jobId.replace("job-", ""))) {
                String webhook = Json.createReader(new StringReader(body)).readObject().getString("webhook");
                return URI.create(webhook).getQuery().replaceFirst("^token=", "");
            }
        }
        throw new AssertionError("no submission for " + jobId);
    }

    @Test
    void eachJobIsPolledByOneInstanceWithinTheSingleInstanceBound() {
        PictoryClient a = instance("a", time, endedOnA, List.of());
        PictoryClient b = instance("b", time, endedOnB, seenOnB);
        String jobId = submit(a, "job-leased");
        CompletableFuture<ImageJob> waitingOnB = b.awaitJobAsync(jobId, Duration.ofMinutes(10)); // b follows it too

        Duration duration = INTERVAL.multipliedBy(10);
        time.advance(duration);
        jobIs(jobId, "completed");
        time.advance(INTERVAL.plusSeconds(2));

        // Polling only (the callback never came): ⌈d/i⌉ + 1 reads for one instance, not twice that for two.
        assertTrue(reads(jobId) <= duration.dividedBy(INTERVAL) + 2, reads(jobId) + " reads");
        assertTrue(waitingOnB.isDone() && waitingOnB.join().isCompleted(), "b learns of the end a polled");
        assertEquals(List.of(jobId), endedOnA, "announced once, by the poller");
        assertTrue(endedOnB.isEmpty());
        assertEquals(List.of(jobId), seenOnB, "and b sees it, for its own pages");
    }

    @Test
    void anyInstanceTakesAnyGenuineCallbackAndEveryInstanceRefusesAForgedOne() {
        PictoryClient a = instance("a", time, endedOnA, List.of());
        PictoryClient b = instance("b", time, endedOnB, seenOnB);
        String jobId = submit(a, "job-called-back");
        String token = tokenOf(jobId);
        jobIs(jobId, "completed");

        WebhookTokens forger = new WebhookTokens("another-secret-entirely-0123456789abcdef", Duration.ofHours(1), time.clock());
        assertFalse(a.acceptCallback(forger.issue().token(), jobId));
        assertFalse(b.acceptCallback(forger.issue().token(), jobId));
        assertFalse(b.acceptCallback(new WebhookTokens(SECRET, Duration.ofHours(1), time.clock()).issue().token(), jobId),
                "genuine signature, but no instance issued it");
        assertTrue(b.acceptCallback(token, jobId), "b accepts a's job's callback: the binding is in the database");
        time.runDue();

        assertEquals(List.of(jobId), endedOnB);
        assertTrue(endedOnA.isEmpty());
        assertEquals(1, reads(jobId));
    }

    @Test
    void aCallbackAndPollsRacingOnTwoInstancesAnnounceOnce() {
        PictoryClient a = instance("a", time, endedOnA, List.of());
        PictoryClient b = instance("b", time, endedOnB, seenOnB);
        String jobId = submit(a, "job-raced");
        String token = tokenOf(jobId);
        jobIs(jobId, "completed");

        a.getJob(jobId);
        b.getJob(jobId);
        assertTrue(a.acceptCallback(token, jobId));
        assertTrue(b.acceptCallback(token, jobId));
        time.advance(INTERVAL.multipliedBy(2));

        assertEquals(1, endedOnA.size() + endedOnB.size());
    }

    @Test
    void aDeadInstancesJobsAreTakenOverOnceTheirLeasesExpire() {
        VirtualScheduler deadTime = VirtualScheduler.manual(); // a's clock and scheduler: they stop when a "dies"
        PictoryClient a = instance("a", deadTime, endedOnA, List.of());
        for (int i = 0; i < 3; i++) {
            submit(a, "job-orphan-" + i);
        }
        deadTime.advance(INTERVAL);
        int readsBeforeDeath = reads("job-orphan-0");
        assertEquals(1, readsBeforeDeath);
        // kill -9: a's threads stop at once, its leases stay in the database until they expire.

        instance("b", time, endedOnB, seenOnB);
        // a polled last at 15 s and holds each lease until then plus JobPoller.lease(INTERVAL) (40 s).
        Duration expiry = INTERVAL.plus(JobPoller.lease(INTERVAL));
        time.advance(expiry);
        assertEquals(readsBeforeDeath, reads("job-orphan-0"), "not while a's lease runs (until " + expiry + ")");
        time.advance(INTERVAL);
        assertTrue(reads("job-orphan-0") > readsBeforeDeath, "taken over within one interval after the lease expired");

        for (int i = 0; i < 3; i++) {
            jobIs("job-orphan-" + i, "completed");
        }
        time.advance(INTERVAL.multipliedBy(2));
        assertEquals(List.of("job-orphan-0", "job-orphan-1", "job-orphan-2"), endedOnB.stream().sorted().toList());
        assertTrue(endedOnA.isEmpty());
    }

    @Test
    void everyInstanceListsEveryJob() {
        PictoryClient a = instance("a", time, endedOnA, List.of());
        PictoryClient b = instance("b", time, endedOnB, seenOnB);
        submit(a, "job-from-a");
        submit(b, "job-from-b");

        assertEquals(a.jobs(10).stream().map(JobRecord::jobId).toList(), b.jobs(10).stream().map(JobRecord::jobId).toList());
        assertEquals(2, b.jobs(10).size());
        assertEquals("A lighthouse at dawn, job-from-a", b.job("job-from-a").orElseThrow().request().prompt());
    }
}
