package io.github.pictory4j.images.bench;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictoryClientBuilder;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.client.internal.submission.PendingSubmission;
import io.github.pictory4j.images.client.internal.jdbc.Database;
import io.github.pictory4j.images.client.internal.jdbc.JdbcJobStore;
import io.github.pictory4j.images.client.internal.store.JobStore;
import io.github.pictory4j.images.client.internal.jdbc.Schema;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the durable job store costs, and what a restart and a crowd of waits cost, as programs that print
 * figures (no timing assertions). Each part starts its own {@link BenchPictory} on loopback.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.pictory4j.images.bench.DurableStoreBenchmarks [-Dbench.parts=overhead,resume,waits]
 * </pre>
 *
 * PostgreSQL: {@code PICTORY_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/pictory},
 * user and password {@code pictory}); its rows say "not run" when no server answers.
 */
public final class DurableStoreBenchmarks {

    static final String PG_URL = env("PICTORY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/pictory");

    public static void main(String[] args) throws Exception {
        // A system property, not args: the bench profile's exec configuration passes JMH's arguments to every main.
        List<String> parts = Arrays.asList(System.getProperty("bench.parts", "overhead,resume,waits").split(","));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        if (parts.contains("overhead")) {
            overhead();
        }
        if (parts.contains("resume")) {
            resume(1000, Duration.ofSeconds(10));
        }
        if (parts.contains("waits")) {
            waits(10_000, Duration.ofSeconds(15), Duration.ofSeconds(50));
        }
    }

    // ------------------------------------------------------------------ submission overhead

    /** p50 of a submission to a stub that answers in 50 ms: in memory, H2 (file) and PostgreSQL, interleaved. */
    private static void overhead() throws Exception {
        System.out.println("\n## Submission with the store vs without (stub answers in 50 ms; 3 rounds x 60 submissions each, interleaved)");
        try (BenchPictory pictory = new BenchPictory(50, 16)) {
            Map<String, Supplier<PictoryClient>> variants = new LinkedHashMap<>();
            variants.put("in memory", () -> client(pictory, null, Duration.ofMinutes(30)));
            DataSource h2 = h2File("overhead");
            variants.put("H2 (file)", () -> client(pictory, h2, Duration.ofMinutes(30)));
            DataSource postgres = postgresOrNull("overhead");
            if (postgres != null) {
                variants.put("PostgreSQL", () -> client(pictory, postgres, Duration.ofMinutes(30)));
            }
            Map<String, PictoryClient> clients = new LinkedHashMap<>();
            variants.forEach((name, make) -> clients.put(name, make.get()));
            Map<String, List<Long>> micros = new LinkedHashMap<>();
            clients.keySet().forEach(name -> micros.put(name, new ArrayList<>()));
            ImageRequest request = ImageRequest.builder("A lighthouse at dawn, for the benchmark").build();
            for (PictoryClient client : clients.values()) { // warm-up
                for (int i = 0; i < 40; i++) {
                    client.submit(request);
                }
            }
            for (int round = 0; round < 3; round++) {
                for (Map.Entry<String, PictoryClient> entry : clients.entrySet()) {
                    for (int i = 0; i < 60; i++) {
                        long start = System.nanoTime();
                        entry.getValue().submit(request);
                        micros.get(entry.getKey()).add((System.nanoTime() - start) / 1000);
                    }
                }
            }
            clients.values().forEach(PictoryClient::close);
            double base = percentile(micros.get("in memory"), 50);
            System.out.println("| store | p50 | p99 | p50 / in memory |");
            System.out.println("|---|---|---|---|");
            micros.forEach((name, values) -> System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.3f |%n", name,
                    percentile(values, 50) / 1000, percentile(values, 99) / 1000, percentile(values, 50) / base));
            if (postgres == null) {
                System.out.println("| PostgreSQL | not run: no server at " + PG_URL + " | | |");
            }
        }
    }

    // ------------------------------------------------------------------ restart with unfinished jobs

    /** A start with {@code count} unfinished jobs in the store: how soon each is polled, how evenly, at what heap. */
    private static void resume(int count, Duration interval) throws Exception {
        System.out.printf(Locale.ROOT, "%n## Restart with %d unfinished jobs (poll interval %d s)%n", count, interval.toSeconds());
        System.out.println("| store | time from ready until every job was polled once | peak reads in any 1 s | heap of the resumed jobs | live threads before / after |");
        System.out.println("|---|---|---|---|---|");
        resumeOn("H2 (file)", h2File("resume"), count, interval);
        DataSource postgres = postgresOrNull("resume");
        if (postgres != null) {
            resumeOn("PostgreSQL", postgres, count, interval);
        } else {
            System.out.println("| PostgreSQL | not run: no server at " + PG_URL + " | | | |");
        }
    }

    private static void resumeOn(String name, DataSource dataSource, int count, Duration interval) throws Exception {
        Database database = new Database(dataSource, name);
        Schema.ensure(database, true, Instant.now());
        try (BenchPictory pictory = new BenchPictory(0, 8)) {
            // The same client on the same database with nothing to resume: what the resumed jobs add is the difference.
            int threadsBefore;
            long heapBefore;
            try (PictoryClient idle = client(pictory, dataSource, interval)) {
                Thread.sleep(1000);
                threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
                heapBefore = usedHeapAfterGc();
            }
            JobStore earlierRun = JdbcJobStore.open(database, "earlier-run");
            ImageRequest request = ImageRequest.builder("A job left unfinished").build();
            for (int i = 0; i < count; i++) {
                String submission = earlierRun.submissions().submissionStarting(new PendingSubmission(request, null, null, null, Instant.now()));
                earlierRun.submissions().submissionAccepted(submission, "resume-" + UUID.randomUUID(), Instant.now());
            }
            // The earlier run stopped as an application stops: its poll leases went with it. (Without this,
            // each job's lease, taken with its id, keeps another instance away until it expires.)
            earlierRun.claims().releasePollLeases("earlier-run");
            long ready = System.nanoTime();
            try (PictoryClient client = client(pictory, dataSource, interval)) {
                while (pictory.reads().size() < count) {
                    Thread.sleep(20);
                    if (System.nanoTime() - ready > interval.multipliedBy(3).toNanos()) {
                        throw new IllegalStateException("only " + pictory.reads().size() + " of " + count + " jobs polled");
                    }
                }
                long lastFirstPoll = pictory.reads().values().stream().mapToLong(reads -> reads.get(0)).max().orElseThrow();
                long heapAfter = usedHeapAfterGc();
                int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
                List<Long> firstPolls = pictory.reads().values().stream().map(reads -> reads.get(0)).sorted().toList();
                System.out.printf(Locale.ROOT, "| %s | %.2f s | %d | %.1f KiB in all, %d bytes a job | %d / %d |%n", name,
                        (lastFirstPoll - ready) / 1e9, peakPerSecond(firstPolls), (heapAfter - heapBefore) / 1024.0,
                        (heapAfter - heapBefore) / count, threadsBefore, threadsAfter);
            }
        }
    }

    // ------------------------------------------------------------------ many waits

    /** {@code count} asynchronous waits at once: threads, heap per wait, how late polls run against their schedule. */
    private static void waits(int count, Duration interval, Duration observe) throws Exception {
        System.out.printf(Locale.ROOT, "%n## %,d jobs awaited at once (in-memory store, poll interval %d s, observed %d s)%n",
                count, interval.toSeconds(), observe.toSeconds());
        try (BenchPictory pictory = new BenchPictory(0, 8); PictoryClient client = client(pictory, null, interval)) {
            client.awaitJobAsync("warm-up", Duration.ofHours(1)); // the client's threads start with its first task
            Thread.sleep(1000);
            int threadsIdle = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapIdle = usedHeapAfterGc();
            List<CompletableFuture<?>> waits = new ArrayList<>(count);
            for (int i = 0; i < count / 10; i++) {
                waits.add(client.awaitJobAsync("wait-" + i, Duration.ofHours(1)));
            }
            Thread.sleep(interval.toMillis() + 2000);
            int threadsTenth = ManagementFactory.getThreadMXBean().getThreadCount();
            for (int i = count / 10; i < count; i++) {
                waits.add(client.awaitJobAsync("wait-" + i, Duration.ofHours(1)));
            }
            pictory.clearReads();
            Thread.sleep(observe.toMillis());
            long heapDuring = usedHeapAfterGc();
            int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
            List<Long> lateMillis = new ArrayList<>();
            for (List<Long> reads : pictory.reads().values()) {
                for (int k = 1; k < reads.size(); k++) {
                    long due = reads.get(0) + interval.toNanos() * k;
                    lateMillis.add(Math.max(0, (reads.get(k) - due) / 1_000_000));
                }
            }
            System.out.println("| figure | value |");
            System.out.println("|---|---|");
            System.out.printf(Locale.ROOT, "| waits pending | %,d (%d done) |%n", count,
                    waits.stream().filter(CompletableFuture::isDone).count());
            System.out.printf(Locale.ROOT, "| reads of Pictory in %d s | %,d |%n", observe.toSeconds(), pictory.totalReads());
            System.out.printf(Locale.ROOT, "| live threads: 1 wait / %,d waits / %,d waits | %d / %d / %d |%n",
                    count / 10, count, threadsIdle, threadsTenth, threadsDuring);
            System.out.printf(Locale.ROOT, "| heap per waiting job | %,d bytes |%n", (heapDuring - heapIdle) / count);
            System.out.printf(Locale.ROOT, "| poll lateness against its schedule (%,d polls) | p50 %.0f ms, p99 %.0f ms, max %.0f ms |%n",
                    lateMillis.size(), percentile(lateMillis, 50), percentile(lateMillis, 99), percentile(lateMillis, 100));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static PictoryClient client(BenchPictory pictory, DataSource dataSource, Duration interval) {
        PictoryClientBuilder builder = PictoryClient.builder().apiKey("pictai_bench").baseUrl(pictory.baseUrl())
                .settings(new PictorySettings(interval, Duration.ofHours(1), RetryPolicy.none()));
        if (dataSource != null) {
            builder.dataSource(dataSource);
        }
        return builder.build();
    }

    static DataSource h2File(String name) throws Exception {
        Path dir = Path.of("target", "bench-h2");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + UUID.randomUUID());
        return JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
    }

    /** A pooled DataSource on a fresh schema of the PostgreSQL server, or null when none answers. */
    static DataSource postgresOrNull(String name) {
        PGConnectionPoolDataSource postgres = new PGConnectionPoolDataSource();
        postgres.setUrl(PG_URL);
        postgres.setUser(env("PICTORY_TEST_POSTGRES_USER", "pictory"));
        postgres.setPassword(env("PICTORY_TEST_POSTGRES_PASSWORD", "pictory"));
        postgres.setConnectTimeout(3);
        String schema = "pictory_bench_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            return null;
        }
        postgres.setCurrentSchema(schema);
        return JdbcConnectionPool.create(postgres);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The most events within any one-second window. */
    private static int peakPerSecond(List<Long> sortedNanos) {
        int peak = 0;
        int start = 0;
        for (int end = 0; end < sortedNanos.size(); end++) {
            while (sortedNanos.get(end) - sortedNanos.get(start) >= 1_000_000_000L) {
                start++;
            }
            peak = Math.max(peak, end - start + 1);
        }
        return peak;
    }

    private static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private DurableStoreBenchmarks() {
    }
}
