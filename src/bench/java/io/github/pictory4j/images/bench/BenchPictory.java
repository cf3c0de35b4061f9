package io.github.pictory4j.images.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Pictory for benchmarks, on 127.0.0.1: a submission answers a new job id after {@code createDelayMillis};
 * every job stays in progress; each read of a job is recorded with its time, so that a program can tell
 * when each job was polled and how late.
 */
final class BenchPictory implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final long createDelayMillis;
    private final AtomicLong jobs = new AtomicLong();
    private final Map<String, List<Long>> reads = new ConcurrentHashMap<>();

    BenchPictory(long createDelayMillis, int threadCount) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // see LoopbackStub: no delayed-ACK stalls
        this.createDelayMillis = createDelayMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/pictoryapis/v1/aistudio/images", this::create);
        server.createContext("/pictoryapis/v1/jobs/", this::read);
        threads = Executors.newFixedThreadPool(threadCount, task -> {
            Thread thread = new Thread(task, "bench-pictory");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pictoryapis";
    }

    /** When each read of each job arrived ({@link System#nanoTime()}). */
    Map<String, List<Long>> reads() {
        return reads;
    }

    long totalReads() {
        return reads.values().stream().mapToLong(List::size).sum();
    }

    void clearReads() {
        reads.clear();
    }

    private void create(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (createDelayMillis > 0) {
            try {
                Thread.sleep(createDelayMillis); // Pictory's own time to answer, in the stub (not the client)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer(exchange, "{\"success\":true,\"data\":{\"jobId\":\"bench-" + jobs.incrementAndGet() + "\"}}");
    }

    private void read(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String jobId = path.substring(path.lastIndexOf('/') + 1);
        reads.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(now);
        answer(exchange, "{\"job_id\":\"" + jobId + "\",\"success\":true,\"data\":{\"status\":\"in-progress\"}}");
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
