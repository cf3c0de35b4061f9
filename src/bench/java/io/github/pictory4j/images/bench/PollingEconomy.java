package io.github.pictory4j.images.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictoryClientBuilder;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.client.webhook.WebhookSupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polling economy: how many {@code GET /v1/jobs/{id}} a wait costs, by job duration, polling only
 * and with webhooks, against a loopback Pictory stub whose jobs take a set time (and, when the job
 * carried a webhook, call the client back the moment they end). Also checks the deadline bound: a job
 * that never ends costs at most timeout/interval + 1 polls.
 *
 * <p>Time is scaled down (interval 200 ms) so that the run takes seconds; the counts depend only on
 * the ratio of duration to interval. Run: {@code mvn -B -Pbench -DskipTests test-compile exec:java
 * -Dexec.mainClass=io.github.pictory4j.images.bench.PollingEconomy} (see src/bench/README.md).
 */
public final class PollingEconomy {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Pattern WEBHOOK = Pattern.compile("\"webhook\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, Long> endsAt = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor();
    private volatile long nextDurationMillis;
    private volatile PictoryClient webhookClient;
    private volatile PictoryClient relaxedWebhookClient;

    public static void main(String[] args) throws Exception {
        new PollingEconomy().run();
    }

    private void run() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/pictoryapis/v1/aistudio/images", this::create);
        stub.createContext("/pictoryapis/v1/jobs/", this::read);
        java.util.concurrent.ExecutorService stubThreads = Executors.newFixedThreadPool(4);
        stub.setExecutor(stubThreads);
        stub.start();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try {
            String baseUrl = "http://127.0.0.1:" + stub.getAddress().getPort() + "/pictoryapis";
            PictorySettings settings = new PictorySettings(INTERVAL, Duration.ofMinutes(1), RetryPolicy.none());
            String secret = "polling-economy-secret-0123456789abcdef";
            PictoryClient polling = client(baseUrl, settings, scheduler).build();
            webhookClient = client(baseUrl, settings, scheduler).webhooks(WebhookSupport.of("http://app.example/hook",
                    secret, Duration.ofHours(1), INTERVAL, Clock.systemUTC())).build();
            relaxedWebhookClient = client(baseUrl, settings, scheduler).webhooks(WebhookSupport.of("http://app.example/hook",
                    secret, Duration.ofHours(1), INTERVAL.multipliedBy(5), Clock.systemUTC())).build();

            for (int i = 0; i < 20; i++) { // warm-up: class loading and the JIT would skew the first waits
                measure(polling, 0);
                measure(webhookClient, 0);
            }
            System.out.printf(Locale.ROOT, "poll interval %d ms (Pictory's 15 s scaled down; counts depend on duration/interval)%n",
                    INTERVAL.toMillis());
            System.out.println("| job duration | duration / interval | reads, polling only | bound ceil(d/i)+1"
                    + " | reads, webhooks (fallback = interval) | reads, webhooks (fallback = 5 x interval)"
                    + " | wait, polling | wait, webhooks |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (double ratio : new double[]{0.5, 1, 2.5, 5, 10, 20}) {
                long duration = (long) (ratio * INTERVAL.toMillis());
                Measured polled = measure(polling, duration);
                Measured hooked = measure(webhookClient, duration);
                Measured relaxed = measure(relaxedWebhookClient, duration);
                long bound = (long) Math.ceil((double) duration / INTERVAL.toMillis()) + 1;
                System.out.printf(Locale.ROOT, "| %d ms | %.1f | %d | %d | %d | %d | %d ms | %d ms |%n", duration, ratio,
                        polled.reads, bound, hooked.reads, relaxed.reads, polled.waitMillis, hooked.waitMillis);
                if (polled.reads > bound) {
                    throw new AssertionError("polling exceeded its bound");
                }
            }
            deadlineBound(polling);
        } finally {
            scheduler.shutdownNow();
            callbacks.shutdownNow();
            stub.stop(0);
            stubThreads.shutdownNow(); // else exec:java waits for its threads forever
        }
    }

    private static PictoryClientBuilder client(String baseUrl, PictorySettings settings,
                                                ScheduledExecutorService scheduler) {
        return PictoryClient.builder().apiKey("pictai_bench").baseUrl(baseUrl).settings(settings).scheduler(scheduler);
    }

    private record Measured(int reads, long waitMillis) {
    }

    private Measured measure(PictoryClient client, long durationMillis) {
        nextDurationMillis = durationMillis;
        long start = System.nanoTime();
        String jobId = client.submit(ImageRequest.builder("Polling economy").build());
        client.awaitJob(jobId, Duration.ofMinutes(1));
        return new Measured(reads.get(jobId).get(), (System.nanoTime() - start) / 1_000_000);
    }

    private void deadlineBound(PictoryClient polling) {
        nextDurationMillis = Long.MAX_VALUE / 4;
        Duration timeout = Duration.ofMillis(2000);
        String jobId = polling.submit(ImageRequest.builder("A job that never ends").build());
        try {
            polling.awaitJob(jobId, timeout);
            throw new AssertionError("a job that never ends ended");
        } catch (io.github.pictory4j.images.client.JobWaitTimeoutException expected) {
            long bound = timeout.toMillis() / INTERVAL.toMillis() + 1;
            int polls = reads.get(jobId).get();
            System.out.printf(Locale.ROOT, "never-ending job, timeout %d ms: %d polls (bound timeout/interval + 1 = %d)%n",
                    timeout.toMillis(), polls, bound);
            if (polls > bound) {
                throw new AssertionError("the deadline bound does not hold");
            }
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String jobId = UUID.randomUUID().toString();
        long duration = nextDurationMillis;
        endsAt.put(jobId, System.nanoTime() / 1_000_000 + duration);
        reads.put(jobId, new AtomicInteger());
        Matcher webhook = WEBHOOK.matcher(body);
        if (webhook.find() && duration < Long.MAX_VALUE / 8) {
            String token = URI.create(webhook.group(1)).getQuery().replaceFirst("^token=", "");
            // The stub "calls back": what the app's webhook endpoint would hand to the client.
            callbacks.schedule(() -> {
                // Both webhook clients share the secret; the one that issued the token accepts it.
                if (!webhookClient.acceptCallback(token, jobId)) {
                    relaxedWebhookClient.acceptCallback(token, jobId);
                }
            }, duration, TimeUnit.MILLISECONDS);
        }
        respond(exchange, "{\"success\":true,\"data\":{\"jobId\":\"" + jobId + "\"}}");
    }

    private void read(HttpExchange exchange) throws IOException {
        String jobId = exchange.getRequestURI().getPath().substring("/pictoryapis/v1/jobs/".length());
        reads.get(jobId).incrementAndGet();
        boolean done = System.nanoTime() / 1_000_000 >= endsAt.get(jobId);
        respond(exchange, done
                ? "{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":{\"status\":\"completed\",\"url\":\"https://cdn.example/"
                + jobId + ".png\",\"width\":1024,\"height\":1024,\"aiCreditsUsed\":2}}"
                : "{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":{\"status\":\"in-progress\"}}");
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
