package io.github.pictory4j.images.bench;

import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.client.Spender;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A submission charged to a spender (its price reserved in the application's, the user's and the team's day and
 * month, and the spender's own limits read) against one charged to the application alone, on the same store,
 * interleaved in one run: the time of a submission to a stub that answers at once (so that the store's share
 * shows; {@code bench.stubMillis} sets its delay), and the JDBC statements it runs (executions, with BEGIN and COMMIT, as pg_stat_statements counts them).
 *
 * <pre>
 * mvn -B -Pbench -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.pictory4j.images.bench.SpenderBudgetBenchmark [-Dbench.stubMillis=50]
 * </pre>
 * PostgreSQL from {@code PICTORY_TEST_POSTGRES_URL} (user and password {@code pictory} by default); its row says
 * "not run" without a server.
 */
public final class SpenderBudgetBenchmark {

    private static final ImageRequest REQUEST = ImageRequest.builder("A lighthouse at dawn, for the benchmark")
            .model(ImageModel.SEEDREAM_3_0).build();
    private static final BigDecimal PLENTY = new BigDecimal("1000000");
    private static final int ROUNDS = 5;
    private static final int PER_ROUND = 60;

    private SpenderBudgetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        long stubMillis = Long.getLong("bench.stubMillis", 0);
        System.out.println("\n## A submission charged to a user and a team vs to the application alone (stub answers in "
                + stubMillis + " ms; " + ROUNDS + " rounds x " + PER_ROUND + " submissions each, interleaved)");
        System.out.println("| store | scopes | p50 | p99 | p50 / application alone | statements per submission |");
        System.out.println("|---|---|---|---|---|---|");
        try (BenchPictory pictory = new BenchPictory(stubMillis, 16)) {
            measure("H2 (file)", DurableStoreBenchmarks.h2File("spenders"), pictory);
            DataSource postgres = DurableStoreBenchmarks.postgresOrNull("spenders");
            if (postgres == null) {
                System.out.println("| PostgreSQL | not run: no server at " + DurableStoreBenchmarks.PG_URL + " | | | | |");
            } else {
                measure("PostgreSQL", postgres, pictory);
            }
        }
    }

    private static void measure(String store, DataSource database, BenchPictory pictory) {
        AtomicLong statements = new AtomicLong();
        DataSource counted = counting(database, statements);
        BudgetSettings limits = BudgetSettings.of(PLENTY, PLENTY).perUser(PLENTY, PLENTY).perTeam(PLENTY, PLENTY);
        try (PictoryClient client = PictoryClient.builder().apiKey("pictai_bench").baseUrl(pictory.baseUrl())
                .settings(new PictorySettings(Duration.ofMinutes(30), Duration.ofHours(1), RetryPolicy.none()))
                .dataSource(counted).budget(limits).build()) {
            Map<String, List<ImageService>> variants = new LinkedHashMap<>();
            variants.put("application", List.of(client));
            List<ImageService> spenders = new ArrayList<>();
            for (int user = 0; user < 5; user++) {
                spenders.add(client.chargedTo(Spender.user("user-" + user).team(user < 3 ? "design" : "marketing")));
            }
            variants.put("application, user, team", spenders);
            Map<String, List<Long>> micros = new LinkedHashMap<>();
            Map<String, long[]> counts = new LinkedHashMap<>();
            variants.keySet().forEach(name -> {
                micros.put(name, new ArrayList<>());
                counts.put(name, new long[2]);
            });
            for (List<ImageService> services : variants.values()) { // warm-up
                for (int i = 0; i < 40; i++) {
                    services.get(i % services.size()).submit(REQUEST);
                }
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, List<ImageService>> variant : variants.entrySet()) {
                    List<ImageService> services = variant.getValue();
                    for (int i = 0; i < PER_ROUND; i++) {
                        long before = statements.get();
                        long start = System.nanoTime();
                        services.get(i % services.size()).submit(REQUEST);
                        micros.get(variant.getKey()).add((System.nanoTime() - start) / 1000);
                        long[] count = counts.get(variant.getKey());
                        count[0] += statements.get() - before;
                        count[1]++;
                    }
                }
            }
            double base = percentile(micros.get("application"), 50);
            micros.forEach((name, values) -> System.out.printf(Locale.ROOT, "| %s | %s | %.2f ms | %.2f ms | %.3f | %.2f |%n",
                    store, name, percentile(values, 50) / 1000, percentile(values, 99) / 1000,
                    percentile(values, 50) / base, (double) counts.get(name)[0] / counts.get(name)[1]));
        }
    }

    /** {@code database}, counting each statement executed and each BEGIN (autocommit off), COMMIT and ROLLBACK. */
    private static DataSource counting(DataSource database, AtomicLong statements) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return counted(database.getConnection(), statements);
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return counted(database.getConnection(user, password), statements);
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return database.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                database.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                database.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return database.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return database.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return database.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return database.isWrapperFor(type);
            }
        };
    }

    private static Connection counted(Connection connection, AtomicLong statements) {
        return (Connection) Proxy.newProxyInstance(SpenderBudgetBenchmark.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit", "rollback" -> statements.incrementAndGet();
                        case "setAutoCommit" -> {
                            if (!(Boolean) args[0]) {
                                statements.incrementAndGet();
                            }
                        }
                        default -> { }
                    }
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        Class<?> type = method.getReturnType();
                        return Proxy.newProxyInstance(SpenderBudgetBenchmark.class.getClassLoader(), new Class<?>[]{type},
                                (inner, call, arguments) -> {
                                    if (call.getName().startsWith("execute")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(statement, call, arguments);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
