package io.github.pictory4j.images.bench;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.internal.http.UserAgent;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the module costs per job submission compared with the same HTTP exchange done by hand.
 *
 * <ul>
 *   <li>{@link #module}: {@link PictoryClient#submit}, as an app without CDI calls it (and as
 *       {@code ImageService.submit} does once the container's interceptor has validated): Bean
 *       Validation of the method's parameters ({@code @NotNull @Valid ImageRequest}), the API key read
 *       from MicroProfile Config at each call, the submission recorded in the in-memory job store, the
 *       retry engine, the answer decoded, through the real REST interface built by RESTEasy's
 *       {@link RestClientBuilder}, JSON-B (Yasson) both ways.</li>
 *   <li>{@link #rawHttpClient}: one shared {@link HttpClient} (HTTP/1.1), the body concatenated by hand,
 *       the job id cut out of the answer with {@code indexOf}.</li>
 * </ul>
 * Both talk to the same {@link LoopbackStub}; setup checks that they send the same method, path, body
 * and headers, and fails the run if they do not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ModuleOverheadBenchmark {

    static final String KEY = "pictai_bench_key_7c21";

    /** System property: where to write the stub's allocation per request ({@code <prefix>-<benchmark>.properties}). */
    static final String STUB_FILE_PREFIX = "bench.stubFilePrefix";

    /** Headers that belong to the transport (each client manages them itself); every other header must match. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection");

    private LoopbackStub stub;

    // module
    private ScheduledExecutorService scheduler;
    private PictoryClient client;

    // raw
    private HttpClient http;
    private URI endpoint;
    private String userAgent;

    private final ImageRequest request = ImageRequest.builder("A lighthouse at dawn, oil painting, warm light")
            .model(ImageModel.FLUX_SCHNELL)
            .aspectRatio(AspectRatio.LANDSCAPE_16_9)
            .style(ImageStyle.ARTISTIC)
            .referenceImageUrl("https://example.com/reference/lighthouse.png")
            .build();

    // the stub's own allocations during measurement iterations, to tell them apart from the client's
    private long stubBytesAtStart;
    private long servedAtStart;
    private long stubBytes;
    private long stubRequests;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stub = new LoopbackStub();

        // module: built once, as the container would
        System.setProperty(PictorySettings.API_KEY, KEY);
        Config config = ConfigProvider.getConfig();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // The key is read at each call, exactly like ImageService does.
        Supplier<String> apiKey = () -> config.getOptionalValue(PictorySettings.API_KEY, String.class)
                .filter(key -> !key.isBlank())
                .orElseThrow(() -> new PictoryConfigurationException("No Pictory API key is configured"));
        client = PictoryClient.builder().apiKey(apiKey).baseUrl(stub.baseUrl() + "/pictoryapis")
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).scheduler(scheduler).build();

        // raw: one client, as an app would share it
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        endpoint = URI.create(stub.baseUrl() + LoopbackStub.PATH);
        userAgent = UserAgent.value();

        verifySameWire();
    }

    /** Every path must put the same request on the wire; anything else would make the ratio meaningless. */
    private void verifySameWire() throws Exception {
        Map<String, Callable<String>> paths = new LinkedHashMap<>();
        paths.put("module", () -> submitThroughModule(client));
        paths.put("rawHttpClient", this::submitRaw);
        int calls = 3;
        Map<String, List<LoopbackStub.Seen>> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Callable<String>> path : paths.entrySet()) {
            stub.startCapture();
            for (int i = 0; i < calls; i++) {
                check(path.getKey(), path.getValue().call());
            }
            seen.put(path.getKey(), stub.stopCapture());
        }
        List<String> differences = new ArrayList<>();
        LoopbackStub.Seen reference = null;
        for (Map.Entry<String, List<LoopbackStub.Seen>> path : seen.entrySet()) {
            String name = path.getKey();
            if (path.getValue().size() != calls) {
                differences.add(name + ": " + path.getValue().size() + " requests at the stub for " + calls + " calls");
                continue;
            }
            for (LoopbackStub.Seen request : path.getValue()) {
                for (String header : List.of("authorization", "content-type", "accept", "user-agent")) {
                    if (request.headers().get(header) == null) {
                        differences.add(name + ": header " + header + " missing");
                    }
                }
                if (reference == null) {
                    reference = request;
                    continue;
                }
                if (!reference.method().equals(request.method()) || !reference.protocol().equals(request.protocol())) {
                    differences.add(name + ": " + request.method() + " " + request.protocol() + " instead of "
                            + reference.method() + " " + reference.protocol());
                }
                if (!reference.body().equals(request.body())) {
                    differences.add(name + ": body\n  module=" + reference.body() + "\n  " + name + "=" + request.body());
                }
                if (!applicationHeaders(reference).equals(applicationHeaders(request))) {
                    differences.add(name + ": headers\n  module=" + applicationHeaders(reference) + "\n  " + name + "="
                            + applicationHeaders(request));
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("The paths do not send the same request:\n" + String.join("\n", differences));
        }
        System.out.println();
        System.out.println("[wire check] " + seen.keySet() + ": identical method, protocol, body and headers ("
                + calls + " calls each)");
        System.out.println("[wire check] " + reference.method() + " " + LoopbackStub.PATH + " " + reference.protocol());
        System.out.println("[wire check] body    " + reference.body());
        System.out.println("[wire check] headers " + applicationHeaders(reference));
        seen.forEach((name, requests) -> System.out.println("[wire check] " + name + ": transport headers "
                + transportHeaders(requests.get(0)) + ", connections used: "
                + requests.stream().map(LoopbackStub.Seen::clientPort).distinct().count()));
    }

    private static Map<String, String> applicationHeaders(LoopbackStub.Seen seen) {
        Map<String, String> headers = new TreeMap<>(seen.headers());
        headers.keySet().removeAll(TRANSPORT_HEADERS);
        return headers;
    }

    private static Map<String, String> transportHeaders(LoopbackStub.Seen seen) {
        return seen.headers().entrySet().stream().filter(e -> TRANSPORT_HEADERS.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static void check(String path, String jobId) {
        if (!LoopbackStub.JOB_ID.equals(jobId)) {
            throw new IllegalStateException(path + " answered job id " + jobId + ", expected " + LoopbackStub.JOB_ID);
        }
    }

    @Setup(Level.Iteration)
    public void iterationStart() {
        stubBytesAtStart = stub.allocatedBytes();
        servedAtStart = stub.served();
    }

    @TearDown(Level.Iteration)
    public void iterationEnd(IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            stubBytes += stub.allocatedBytes() - stubBytesAtStart;
            stubRequests += stub.served() - servedAtStart;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams params) throws Exception {
        String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        if (stubRequests > 0) {
            long perRequest = stubBytes / stubRequests;
            System.out.println();
            System.out.println("[stub] " + name + ": the stub's threads allocated " + perRequest
                    + " B per request over " + stubRequests + " measured requests (included in gc.alloc.rate.norm)");
            // BenchMain names the file after the JSON result (target/jmh-result.json: target/jmh-result.stub-module.properties).
            Path file = Path.of(System.getProperty(STUB_FILE_PREFIX, "target/jmh") + "-" + name + ".properties");
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("stubBytesPerRequest=" + perRequest + "\nrequests=" + stubRequests + "\n");
            }
        }
        client.close();
        scheduler.shutdownNow();
        stub.close();
    }

    /** The module's path: validation, key, store, retries, decoding, the REST client. */
    private String submitThroughModule(PictoryClient client) {
        return client.submit(request);
    }

    /** The same exchange by hand. */
    private String submitRaw() throws IOException, InterruptedException {
        String body = "{\"prompt\":\"" + request.prompt()
                + "\",\"model\":\"" + request.model().value()
                + "\",\"aspectRatio\":\"" + request.aspectRatio().value()
                + "\",\"style\":\"" + request.style().value()
                + "\",\"referenceImageUrl\":\"" + request.referenceImageUrl() + "\"}";
        HttpRequest post = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Stub answered " + response.statusCode());
        }
        String answer = response.body();
        int start = answer.indexOf("\"jobId\":\"");
        if (start < 0) {
            throw new IllegalStateException("No jobId in " + answer);
        }
        start += "\"jobId\":\"".length();
        return answer.substring(start, answer.indexOf('"', start));
    }

    @Benchmark
    public void module(Blackhole blackhole) {
        blackhole.consume(submitThroughModule(client));
    }

    @Benchmark
    public void rawHttpClient(Blackhole blackhole) throws IOException, InterruptedException {
        blackhole.consume(submitRaw());
    }
}
