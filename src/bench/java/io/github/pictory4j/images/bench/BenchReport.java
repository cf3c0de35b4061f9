package io.github.pictory4j.images.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The summary of a {@link ModuleOverheadBenchmark} run from JMH's JSON result: p50, p99 and allocation
 * per call of both paths, and the module/raw ratios.
 *
 * <pre>java -cp … io.github.pictory4j.images.bench.BenchReport [target/jmh-result.json]</pre>
 *
 * Exit status 2 when the file holds no result. Whether the ratio meets the 1.5 target is printed, not
 * turned into a failure: a benchmark reports, it does not gate.
 */
public final class BenchReport {

    static final double TARGET_RATIO = 1.5;
    private static final String MODULE = "module";
    private static final String RAW = "rawHttpClient";

    private BenchReport() {
    }

    record Row(String name, double p50, double p99, double mean, long samples, String unit, double bytesPerOp,
               double stubBytesPerOp, String jvm) {

        double clientBytesPerOp() {
            return Double.isNaN(stubBytesPerOp) ? Double.NaN : bytesPerOp - stubBytesPerOp;
        }
    }

    public static void main(String[] args) throws IOException {
        System.exit(print(Path.of(args.length > 0 ? args[0] : "target/jmh-result.json")));
    }

    static int print(Path file) throws IOException {
        Map<String, Row> rows = read(file);
        Row module = rows.get(MODULE);
        Row raw = rows.get(RAW);
        System.out.println();
        System.out.println("== Module overhead: one job submission, " + file + " ==");
        if (rows.isEmpty()) {
            System.out.println("No benchmark results in the file.");
            return 2;
        }
        System.out.println("JVM: " + rows.values().iterator().next().jvm());
        System.out.println("CPU: " + Runtime.getRuntime().availableProcessors() + " x " + cpuModel());
        System.out.println();
        String format = "%-24s %10s %10s %10s %8s %11s %10s %12s%n";
        String unit = rows.values().iterator().next().unit();
        String header = String.format(Locale.ROOT, format, "benchmark", "p50 " + unit, "p99 " + unit,
                "mean", "samples", "B/op (all)", "B/op stub", "B/op client");
        System.out.print(header);
        System.out.println("-".repeat(header.length() - 1));
        for (Row row : rows.values()) {
            System.out.printf(Locale.ROOT, format, row.name(), fixed(row.p50()), fixed(row.p99()), fixed(row.mean()),
                    row.samples(), bytes(row.bytesPerOp()), bytes(row.stubBytesPerOp()), bytes(row.clientBytesPerOp()));
        }
        if (module == null || raw == null) {
            System.out.println();
            System.out.println("No ratio: it needs both " + MODULE + " and " + RAW + " in the same run.");
            return 0;
        }
        for (Row row : rows.values()) {
            if (row != raw) {
                System.out.printf(Locale.ROOT, format, row.name() + " / raw", ratio(row.p50() / raw.p50()),
                        ratio(row.p99() / raw.p99()), ratio(row.mean() / raw.mean()), "",
                        ratio(row.bytesPerOp() / raw.bytesPerOp()), "", ratio(row.clientBytesPerOp() / raw.clientBytesPerOp()));
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Target: module / raw <= %.1f.  p50: %s   p99: %s%n", TARGET_RATIO,
                verdict(module.p50() / raw.p50()), verdict(module.p99() / raw.p99()));
        System.out.println("B/op (all) is JMH's gc.alloc.rate.norm, which counts every thread of the JVM, the in-process"
                + " stub included;");
        System.out.println("B/op stub is the stub's threads alone (measured by the harness), B/op client the difference.");
        return 0;
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String verdict(double ratio) {
        return String.format(Locale.ROOT, "%.2f %s", ratio, ratio <= TARGET_RATIO ? "(met)" : "(NOT met)");
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String bytes(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    static Map<String, Row> read(Path file) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        JsonArray results;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader json = Json.createReader(in)) {
            results = json.readArray();
        }
        for (JsonValue value : results) {
            JsonObject result = value.asJsonObject();
            String benchmark = result.getString("benchmark");
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            JsonObject primary = result.getJsonObject("primaryMetric");
            JsonObject percentiles = primary.getJsonObject("scorePercentiles");
            rows.put(name, new Row(name,
                    number(percentiles, "50.0"),
                    number(percentiles, "99.0"),
                    number(primary, "score"),
                    samples(primary),
                    primary.getString("scoreUnit"),
                    allocation(result.getJsonObject("secondaryMetrics")),
                    stubBytes(file, name),
                    result.getString("jdkVersion", "?") + " " + result.getString("vmName", "") + " "
                            + result.getString("vmVersion", "") + ", JMH " + result.getString("jmhVersion", "?")
                            + ", forks " + result.getInt("forks", 0) + ", threads " + result.getInt("threads", 0)));
        }
        return rows;
    }

    /** JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a middle dot in front. */
    private static double allocation(JsonObject secondary) {
        if (secondary == null) {
            return Double.NaN;
        }
        for (String key : new String[]{"gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm"}) {
            if (secondary.containsKey(key)) {
                return number(secondary.getJsonObject(key), "score");
            }
        }
        return Double.NaN;
    }

    /** How many times were sampled: the sum of the counts in JMH's raw histogram. */
    private static long samples(JsonObject primary) {
        long count = 0;
        JsonArray forks = primary.getJsonArray("rawDataHistogram");
        if (forks == null) {
            return 0;
        }
        for (JsonValue fork : forks) {
            for (JsonValue iteration : fork.asJsonArray()) {
                for (JsonValue bucket : iteration.asJsonArray()) {
                    count += bucket.asJsonArray().getJsonNumber(1).longValue();
                }
            }
        }
        return count;
    }

    /** {@code target/jmh-result.json} → {@code target/jmh-result.stub}: the forks add {@code -<benchmark>.properties}. */
    static String stubFilePrefix(Path resultFile) {
        String name = resultFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return resultFile.toAbsolutePath().resolveSibling(base + ".stub").toString();
    }

    private static double stubBytes(Path resultFile, String name) {
        Path file = Path.of(stubFilePrefix(resultFile) + "-" + name + ".properties");
        if (!Files.isRegularFile(file)) {
            return Double.NaN;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return Double.parseDouble(properties.getProperty("stubBytesPerRequest", "NaN"));
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double number(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        return value instanceof JsonNumber number ? number.doubleValue() : Double.NaN;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
