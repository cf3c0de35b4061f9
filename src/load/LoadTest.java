import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the sample app: N virtual clients, each submitting an image job through
 * {@code POST /api/images} and polling {@code GET /api/images/{id}} until it ends, for a fixed time.
 * Prints throughput, latency percentiles, errors, and jobs accepted versus completed.
 *
 * <p>Run: {@code java src/load/LoadTest.java [baseUrl] [clients] [seconds] [pollMillis] [warmupSeconds]};
 * defaults {@code http://localhost:9080 64 60 500 10}. The warm-up runs the same load first and is not
 * measured (the JIT and the server's lazy initialisation would dominate it). Only loopback targets
 * make sense here. Bounded: it stops by itself after warm-up + time + at most 30 s for jobs still running.
 */
public class LoadTest {

    private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    /** The sample's demo user alice (HTTP Basic): its API needs a sign-in. */
    private static final String LOGIN = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:demo".getBytes());

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final long pollMillis;
    private final ConcurrentLinkedQueue<Long> submitMicros = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> pollMicros = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unfinished = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

    LoadTest(String base, long pollMillis) {
        this.base = base;
        this.pollMillis = pollMillis;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        long pollMillis = args.length > 3 ? Long.parseLong(args[3]) : 500;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        String host = URI.create(base).getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            throw new IllegalArgumentException("load only a server on this machine (localhost / 127.0.0.0/8)");
        }
        if (warmup > 0) {
            System.out.println("warming up for " + warmup + " s (not measured)");
            new LoadTest(base, pollMillis).run(clients, Duration.ofSeconds(warmup), false);
        }
        new LoadTest(base, pollMillis).run(clients, Duration.ofSeconds(seconds), true);
    }

    void run(int clients, Duration duration, boolean report) throws InterruptedException {
        long start = System.nanoTime();
        long submitUntil = start + duration.toNanos();
        long hardStop = submitUntil + Duration.ofSeconds(30).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> {
                try {
                    int n = 0;
                    while (System.nanoTime() < submitUntil) {
                        oneJob("Load test image " + client + "-" + n++ + ": a lighthouse at dawn", hardStop);
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + i);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (report) {
            report(clients, duration, elapsed);
        }
    }

    private void oneJob(String prompt, long hardStop) {
        String body = "{\"prompt\":\"" + prompt + "\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\"}";
        String response = send(HttpRequest.newBuilder(URI.create(base + "/api/images"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 202,
                submitMicros);
        if (response == null) {
            sleep(pollMillis);
            return;
        }
        Matcher id = JOB_ID.matcher(response);
        if (!id.find()) {
            error("202 without a jobId: " + response);
            return;
        }
        accepted.incrementAndGet();
        while (System.nanoTime() < hardStop) {
            sleep(pollMillis);
            String job = send(HttpRequest.newBuilder(URI.create(base + "/api/images/" + id.group(1))).GET(), 200, pollMicros);
            Matcher status = job == null ? null : STATUS.matcher(job);
            if (status != null && status.find()) {
                switch (status.group(1)) {
                    case "completed" -> {
                        completed.incrementAndGet();
                        return;
                    }
                    case "failed", "cleaned" -> {
                        failed.incrementAndGet();
                        return;
                    }
                    default -> {
                        // still running
                    }
                }
            }
        }
        unfinished.incrementAndGet();
    }

    private String send(HttpRequest.Builder request, int expectedStatus, ConcurrentLinkedQueue<Long> latenciesMicros) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", LOGIN).build(),
                    HttpResponse.BodyHandlers.ofString());
            latenciesMicros.add((System.nanoTime() - t0) / 1000);
            requests.incrementAndGet();
            if (response.statusCode() != expectedStatus) {
                error(response.statusCode() + " " + response.body());
                return null;
            }
            return response.body();
        } catch (Exception e) {
            requests.incrementAndGet();
            error(e.toString());
            return null;
        }
    }

    private void error(String sample) {
        errors.incrementAndGet();
        if (errorSamples.size() < 5) {
            errorSamples.add(sample.length() > 300 ? sample.substring(0, 300) : sample);
        }
    }

    private void report(int clients, Duration duration, double elapsed) {
        long[] sorted = java.util.stream.Stream.concat(submitMicros.stream(), pollMicros.stream())
                .mapToLong(Long::longValue).sorted().toArray();
        long[] submits = submitMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] polls = pollMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "clients %d, submitting for %ds, finished after %.1fs, poll every %dms",
                clients, duration.toSeconds(), elapsed, pollMillis));
        lines.add(String.format(Locale.ROOT, "requests %d, throughput %.1f req/s", requests.get(), requests.get() / elapsed));
        lines.add(String.format(Locale.ROOT, "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                (sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / 1000.0));
        lines.add(String.format(Locale.ROOT, "  POST /api/images: %d, p50 %.2f ms, p99 %.2f ms; GET /api/images/{id}: %d,"
                        + " p50 %.2f ms, p99 %.2f ms", submits.length, percentile(submits, 50) / 1000.0,
                percentile(submits, 99) / 1000.0, polls.length, percentile(polls, 50) / 1000.0, percentile(polls, 99) / 1000.0));
        lines.add(String.format(Locale.ROOT, "errors %d", errors.get()));
        lines.add(String.format(Locale.ROOT, "jobs accepted %d, completed %d, failed %d, unfinished %d",
                accepted.get(), completed.get(), failed.get(), unfinished.get()));
        lines.forEach(System.out::println);
        errorSamples.forEach(sample -> System.out.println("  error sample: " + sample));
        boolean ok = errors.get() == 0 && accepted.get() == completed.get();
        System.out.println(ok ? "RESULT: OK (0 errors, every accepted job completed)" : "RESULT: FAILED");
        if (!ok) {
            System.exit(1);
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
