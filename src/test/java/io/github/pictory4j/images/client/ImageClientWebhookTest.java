package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import io.github.pictory4j.images.client.webhook.WebhookTokens;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook submissions, callbacks and exactly-once ends, against a WireMock Pictory. */
class ImageClientWebhookTest {

    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final String SECRET = "unit-test-webhook-secret-0123456789abcdef";
    private static final String IN_PROGRESS = "{\"success\":true,\"data\":{\"status\":\"in-progress\"}}";

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<ImageJob> ended = new CopyOnWriteArrayList<>();
    private final ImageClient client = new ImageClient(RestClients.api(pictory.baseUrl()), () -> RestClients.KEY,
            new PictorySettings(Duration.ofSeconds(30), Duration.ofMinutes(1), RetryPolicy.none()), scheduler,
            new WebhookSupport("https://app.example.com/api/pictory/webhook",
                    new WebhookTokens(SECRET, Duration.ofHours(1), Clock.systemUTC()), Duration.ofSeconds(30)),
            ended::add);

    @AfterEach
    void stop() throws InterruptedException {
        // Wait for in-flight polls too: a late one would be counted by the next test's stub.
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }

    private String submit(String jobId) {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"" + jobId + "\"}}")));
        return client.submit(ImageRequest.builder("A lighthouse at dawn").build());
    }

    /** The token Pictory was given for the last submission. */
    private static String lastToken() {
        List<LoggedRequest> posts = pictory.findAll(postRequestedFor(urlEqualTo(IMAGES)));
        String webhook = Json.createReader(new StringReader(posts.get(posts.size() - 1).getBodyAsString()))
                .readObject().getString("webhook");
        return URI.create(webhook).getQuery().replaceFirst("^token=", "");
    }

    private static void jobIs(String jobId, String body) {
        pictory.stubFor(get("/pictoryapis/v1/jobs/" + jobId).willReturn(okJson(body)));
    }

    private static String completed(String jobId) {
        return "{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":{\"status\":\"completed\",\"url\":\"https://cdn.example/"
                + jobId + ".png\",\"width\":1024,\"height\":1024,\"aiCreditsUsed\":2}}";
    }

    @Test
    void everySubmissionCarriesItsOwnTokenInTheWebhookUrl() {
        submit("job-a");
        String first = lastToken();
        submit("job-b");
        String second = lastToken();

        assertFalse(first.equals(second));
        String webhook = Json.createReader(new StringReader(pictory.findAll(postRequestedFor(urlEqualTo(IMAGES))).get(0)
                .getBodyAsString())).readObject().getString("webhook");
        assertTrue(webhook.startsWith("https://app.example.com/api/pictory/webhook?token="), webhook);
        assertTrue(webhook.length() <= 500);
        assertFalse(webhook.contains(SECRET));
    }

    @Test
    void aCallbackEndsTheWaitLongBeforeTheFirstFallbackPoll() {
        String jobId = submit("job-a");
        jobIs(jobId, IN_PROGRESS);
        CompletableFuture<ImageJob> waiting = client.awaitJobAsync(jobId, Duration.ofMinutes(1));
        sleep(300);
        assertFalse(waiting.isDone());

        jobIs(jobId, completed(jobId));
        assertTrue(client.acceptCallback(lastToken(), jobId));

        ImageJob job = waiting.orTimeout(5, TimeUnit.SECONDS).join();
        assertTrue(job.isCompleted());
        assertEquals(1, pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/job-a"))).size(),
                "only the authoritative read: no poll of a job just submitted, the next one 30 s away");
        await(() -> ended.size() == 1);
        assertEquals(List.of(job), ended);
    }

    @Test
    void theBlockingWaitEndsOnTheCallbackToo() {
        String jobId = submit("job-b");
        jobIs(jobId, completed(jobId));
        String token = lastToken();
        scheduler.schedule(() -> client.acceptCallback(token, jobId), 300, TimeUnit.MILLISECONDS);

        long start = System.nanoTime();
        assertTrue(client.awaitJob(jobId, Duration.ofMinutes(1)).isCompleted());

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals(1, pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/job-b"))).size());
    }

    @Test
    void aLostCallbackIsCaughtByTheFallbackPoll() {
        ImageClient quick = new ImageClient(RestClients.api(pictory.baseUrl()), () -> RestClients.KEY,
                new PictorySettings(Duration.ofSeconds(30), Duration.ofMinutes(1), RetryPolicy.none()), scheduler,
                new WebhookSupport("https://app.example.com/hook", new WebhookTokens(SECRET, Duration.ofHours(1),
                        Clock.systemUTC()), Duration.ofMillis(200)), job -> { });
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-lost\"}}")));
        String jobId = quick.submit(ImageRequest.builder("A lighthouse at dawn").build());
        jobIs(jobId, completed(jobId));

        assertTrue(quick.awaitJobAsync(jobId, Duration.ofMinutes(1)).orTimeout(5, TimeUnit.SECONDS).join().isCompleted());
        assertEquals(1, pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/job-lost"))).size());
    }

    @Test
    void duplicateCallbacksAndAPollAnnounceTheEndOnce() {
        String jobId = submit("job-a");
        jobIs(jobId, completed(jobId));
        String token = lastToken();

        assertTrue(client.acceptCallback(token, jobId));
        assertTrue(client.acceptCallback(token, jobId));
        assertTrue(client.acceptCallback(token, null));
        client.getJob(jobId);

        await(() -> pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/job-a"))).size() == 4);
        assertEquals(1, ended.size());
    }

    @Test
    void aBodyThatLiesAboutTheStatusChangesNothing() {
        String jobId = submit("job-a");
        jobIs(jobId, IN_PROGRESS);

        assertTrue(client.acceptCallback(lastToken(), jobId));

        await(() -> pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/job-a"))).size() == 1);
        sleep(200);
        assertTrue(ended.isEmpty(), "Pictory says in-progress: no event");
    }

    @Test
    void forgedCallbacksAreRefusedAndReadNothing() {
        String jobA = submit("job-a");
        String tokenA = lastToken();
        String jobB = submit("job-b");
        WebhookTokens otherSecret = new WebhookTokens("some-other-secret-0123456789abcdefghij", Duration.ofHours(1),
                Clock.systemUTC());
        WebhookTokens expired = new WebhookTokens(SECRET, Duration.ofSeconds(-1), Clock.systemUTC());

        assertFalse(client.acceptCallback(null, jobA), "no token");
        assertFalse(client.acceptCallback("garbage", jobA), "malformed token");
        assertFalse(client.acceptCallback(tokenA.substring(0, tokenA.length() - 2) + "AA", jobA), "tampered token");
        assertFalse(client.acceptCallback(otherSecret.issue().token(), jobA), "forged token");
        assertFalse(client.acceptCallback(expired.issue().token(), jobA), "expired token");
        assertFalse(client.acceptCallback(tokenA, jobB), "token of another job");
        assertFalse(client.acceptCallback(new WebhookTokens(SECRET, Duration.ofHours(1), Clock.systemUTC()).issue().token(),
                jobA), "a genuine token this client never issued");

        sleep(200);
        assertEquals(0, pictory.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).size());
        assertTrue(ended.isEmpty());
    }

    @Test
    void aFailingObserverDoesNotFailTheCallerOrTheEnd() {
        ImageClient fragile = new ImageClient(RestClients.api(pictory.baseUrl()), () -> RestClients.KEY,
                new PictorySettings(Duration.ofMillis(50), Duration.ofMinutes(1), RetryPolicy.none()), scheduler,
                null, job -> {
                    throw new IllegalStateException("observer bug");
                });
        jobIs("job-z", completed("job-z"));

        assertTrue(fragile.awaitJob("job-z", Duration.ofSeconds(5)).isCompleted());
    }

    @Test
    void aCallerChosenWebhookIsKept() {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-c\"}}")));

        client.submit(ImageRequest.builder("A lighthouse at dawn").webhook("https://mine.example.com/hook").build());

        String sent = pictory.findAll(postRequestedFor(urlEqualTo(IMAGES))).get(0).getBodyAsString();
        assertTrue(sent.contains("\"webhook\":\"https://mine.example.com/hook\""), sent);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
