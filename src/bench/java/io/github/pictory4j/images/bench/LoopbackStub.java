package io.github.pictory4j.images.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pictory's {@code POST /pictoryapis/v1/aistudio/images} on 127.0.0.1, an ephemeral port: it drains the
 * body and answers a fixed job id. While {@link #capture} is on it also records each request (body,
 * headers, client port), so that setup can check that both clients send the same thing.
 *
 * <p>It runs in the benchmark's JVM, so JMH's {@code -prof gc} counts its allocations in both
 * benchmarks' B/op; {@link #allocatedBytes()} lets the harness measure that share and subtract it.
 */
final class LoopbackStub implements AutoCloseable {

    static final String PATH = "/pictoryapis/v1/aistudio/images";
    static final String JOB_ID = "4d82d040-4394-4371-867d-72ae1dd62b6d";
    static final byte[] ANSWER = ("{\"success\":true,\"data\":{\"jobId\":\"" + JOB_ID + "\"}}")
            .getBytes(StandardCharsets.UTF_8);

    /** One recorded request. Header names are lower-cased; multiple values are joined with ", ". */
    record Seen(String method, String protocol, String body, Map<String, String> headers, int clientPort) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicLong served = new AtomicLong();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile boolean capture;

    LoopbackStub() throws IOException {
        // The JDK server writes the status line and the body in separate segments; without TCP_NODELAY
        // the client's delayed ACK stalls every answer by ~40 ms and hides everything else measured.
        // Read once, when the server classes load: set before the first HttpServer is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "stub-" + n.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
        // The server's selector thread parses no bodies but does allocate; count it as the stub's.
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HTTP-Dispatcher"))
                .forEach(threads::add);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (capture) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values)));
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getProtocol(), new String(body, StandardCharsets.UTF_8), headers,
                        exchange.getRemoteAddress().getPort()));
            }
            served.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        }
    }

    /** Starts recording requests, forgetting earlier ones. */
    void startCapture() {
        seen.clear();
        capture = true;
    }

    /** Stops recording and answers what was recorded since {@link #startCapture()}. */
    List<Seen> stopCapture() {
        capture = false;
        return List.copyOf(seen);
    }

    long served() {
        return served.get();
    }

    /** Bytes allocated so far by the stub's threads (its executor and the server's dispatcher). */
    long allocatedBytes() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.stream().mapToLong(Thread::getId).toArray();
        long total = 0;
        for (long bytes : mx.getThreadAllocatedBytes(ids)) {
            total += Math.max(bytes, 0);
        }
        return total;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
