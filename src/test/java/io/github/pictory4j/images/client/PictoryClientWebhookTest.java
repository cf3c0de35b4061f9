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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook submissions, callbacks and exactly-once ends, against a WireMock Pictory, on manual virtual
 * time: the test moves the clock, so "the callback came long before the first fallback poll" is exact.
 */
class PictoryClientWebhookTest {

    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final String SECRET = "unit-test-webhook-secret-0123456789abcdef";
    private static final String IN_PROGRESS = "{\"success\":true,\"data\":{\"status\":\"in-progress\"}}";
    private static final Duration FALLBACK = Duration.ofSeconds(30);

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final VirtualScheduler time = VirtualScheduler.manual();
    private final List<ImageJob> ended = new CopyOnWriteArrayList<>();
    private final List<PictoryClient> clients = new CopyOnWriteArrayList<>();
    private final PictoryClient client = client(FALLBACK, ended::add);

    @AfterEach
    void stop() {
        clients.forEach(PictoryClient::close);
    }

    private PictoryClient client(Duration fallback, Consumer<ImageJob> onEnd) {
        PictoryClient built = PictoryClient.builder().api(RestClients.api(pictory.baseUrl())).apiKey(RestClients.KEY)
                .settings(new PictorySettings(Duration.ofSeconds(30), Duration.ofMinutes(1), RetryPolicy.none()))
                .webhooks(WebhookSupport.of("https://app.example.com/api/pictory/webhook", SECRET, Duration.ofHours(1),
                        fallback, time.clock()))
                .scheduler(time).clock(time.clock()).onJobEnd(onEnd).build();
        clients.add(built);
        return built;
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

    private static int reads(String jobId) {
        return pictory.findAll(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/" + jobId))).size();
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

        assertNotEquals(first, second);
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
        time.advance(Duration.ofSeconds(29));
        assertFalse(waiting.isDone());
        assertEquals(0, reads(jobId), "a job just submitted with a webhook is not polled at once");

        jobIs(jobId, completed(jobId));
        assertTrue(client.acceptCallback(lastToken(), jobId));
        time.runDue();

        ImageJob job = waiting.join();
        assertTrue(job.isCompleted());
        assertEquals(1, reads(jobId), "only the callback's authoritative read");
        assertEquals(List.of(job), ended);
        time.advance(Duration.ofMinutes(5));
        assertEquals(1, reads(jobId), "the fallback poll was cancelled with the wait");
    }

    @Test
    void theBlockingWaitEndsOnTheCallbackToo() throws Exception {
        String jobId = submit("job-b");
        jobIs(jobId, completed(jobId));
        String token = lastToken();
        CompletableFuture<ImageJob> waiting = CompletableFuture.supplyAsync(() -> client.awaitJob(jobId, Duration.ofMinutes(1)));
        time.awaitQueued(2); // the wait has scheduled its fallback poll and its deadline

        assertTrue(client.acceptCallback(token, jobId));
        time.runDue();

        assertTrue(waiting.get(5, TimeUnit.SECONDS).isCompleted());
        assertEquals(1, reads(jobId));
    }

    @Test
    void aLostCallbackIsCaughtByTheFallbackPoll() {
        PictoryClient quick = client(Duration.ofMillis(200), job -> { });
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-lost\"}}")));
        String jobId = quick.submit(ImageRequest.builder("A lighthouse at dawn").build());
        jobIs(jobId, completed(jobId));

        CompletableFuture<ImageJob> waiting = quick.awaitJobAsync(jobId, Duration.ofMinutes(1));
        time.advance(Duration.ofMillis(199));
        assertFalse(waiting.isDone());
        time.advance(Duration.ofMillis(1));

        assertTrue(waiting.join().isCompleted());
        assertEquals(1, reads(jobId));
    }

    @Test
    void duplicateCallbacksAndAPollAnnounceTheEndOnce() {
        String jobId = submit("job-a");
        jobIs(jobId, completed(jobId));
        String token = lastToken();

        assertTrue(client.acceptCallback(token, jobId));
        assertTrue(client.acceptCallback(token, jobId));
        assertTrue(client.acceptCallback(token, null));
        time.runDue();
        client.getJob(jobId);

        assertEquals(4, reads(jobId));
        assertEquals(1, ended.size());
    }

    @Test
    void aBodyThatLiesAboutTheStatusChangesNothing() {
        String jobId = submit("job-a");
        jobIs(jobId, IN_PROGRESS);

        assertTrue(client.acceptCallback(lastToken(), jobId));
        time.runDue();

        assertEquals(1, reads(jobId));
        assertTrue(ended.isEmpty(), "Pictory says in-progress: no event");
    }

    @Test
    void aCallbackThatOutranItsSubmissionsAnswerIsBoundToTheJobItNames() {
        // Pictory called back before its answer to the submission arrived: the token is genuine but unbound.
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-fast\"}}")
                .withFixedDelay(300)));
        CompletableFuture<String> submitting = client.submitAsync(ImageRequest.builder("A lighthouse at dawn").build());
        time.runDue(); // sends it; the answer takes 300 ms of real time
        String token = lastToken();
        jobIs("job-fast", completed("job-fast"));

        assertTrue(client.acceptCallback(token, "job-fast"));
        time.runDue();

        assertEquals("job-fast", submitting.join());
        assertEquals(1, ended.size());
        assertFalse(client.acceptCallback(token, "job-other"), "the nonce now belongs to job-fast");
    }

    @Test
    void forgedCallbacksAreRefusedAndReadNothing() {
        String jobA = submit("job-a");
        String tokenA = lastToken();
        String jobB = submit("job-b");
        WebhookTokens otherSecret = new WebhookTokens("some-other-secret-0123456789abcdefghij", Duration.ofHours(1),
                time.clock());
        WebhookTokens expired = new WebhookTokens(SECRET, Duration.ofSeconds(-1), time.clock());

        assertFalse(client.acceptCallback(null, jobA), "no token");
        assertFalse(client.acceptCallback("garbage", jobA), "malformed token");
        assertFalse(client.acceptCallback(tokenA.substring(0, tokenA.length() - 2) + "AA", jobA), "tampered token");
        assertFalse(client.acceptCallback(otherSecret.issue().token(), jobA), "forged token");
        assertFalse(client.acceptCallback(expired.issue().token(), jobA), "expired token");
        assertFalse(client.acceptCallback(tokenA, jobB), "token of another job");
        assertFalse(client.acceptCallback(new WebhookTokens(SECRET, Duration.ofHours(1), Clock.systemUTC()).issue().token(),
                jobA), "a genuine token this client never issued");
        time.runDue();

        assertEquals(0, pictory.findAll(getRequestedFor(anyUrl())).size());
        assertTrue(ended.isEmpty());
    }

    @Test
    void aTokenExpiresOnTheClientsClock() {
        String jobId = submit("job-a");
        String token = lastToken();

        time.advance(Duration.ofHours(1).plusSeconds(1));

        assertFalse(client.acceptCallback(token, jobId));
    }

    @Test
    void aFailingObserverDoesNotFailTheCallerOrTheEnd() {
        PictoryClient fragile = client(FALLBACK, job -> {
            throw new IllegalStateException("observer bug");
        });
        jobIs("job-z", completed("job-z"));

        CompletableFuture<ImageJob> waiting = fragile.awaitJobAsync("job-z", Duration.ofSeconds(5));
        time.runDue();

        assertTrue(waiting.join().isCompleted());
    }

    @Test
    void aCallerChosenWebhookIsKept() {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-c\"}}")));

        client.submit(ImageRequest.builder("A lighthouse at dawn").webhook("https://mine.example.com/hook").build());

        String sent = pictory.findAll(postRequestedFor(urlEqualTo(IMAGES))).get(0).getBodyAsString();
        assertTrue(sent.contains("\"webhook\":\"https://mine.example.com/hook\""), sent);
    }
}
