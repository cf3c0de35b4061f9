package io.github.pictory4j.images.simulator.control;

import io.github.pictory4j.images.config.SimulatorKeys;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Scripts a deployed Pictory simulator from a test and reads back what it received, through its
 * control API ({@code …/simulator/pictoryapis/simulator-control}). It runs in the test's JVM (an
 * Arquillian {@code testable = false} test, or any other) with nothing but the JDK's HTTP client and a
 * JSON-P implementation, such as Parsson, on the class path.
 *
 * <pre>{@code
 * SimulatorControl simulator = SimulatorControl.at(URI.create(base + "simulator/pictoryapis"));
 * simulator.reset();
 * simulator.failNext(PictoryEndpoint.SUBMIT, 1, Fault.status(503));
 * }</pre>
 */
public final class SimulatorControl {

    /** Where the control API sits below the simulator's base URL. */
    public static final String PATH = "simulator-control";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How often {@link #awaitWebhook} asks. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final URI baseUrl;
    private final String controlUrl;
    private final String apiKey;
    private final HttpClient http;

    private SimulatorControl(URI baseUrl, String controlUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.controlUrl = controlUrl;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The simulator at {@code simulatorBaseUrl}, with its documented key ({@value SimulatorKeys#DEFAULT_API_KEY}). */
    public static SimulatorControl at(URI simulatorBaseUrl) {
        return at(simulatorBaseUrl, SimulatorKeys.DEFAULT_API_KEY);
    }

    /**
     * @param simulatorBaseUrl the simulator's base URL, the one the app's client is configured with, such
     *                         as {@code http://localhost:9080/myapp/simulator/pictoryapis}
     * @param apiKey           the simulator's key ({@value SimulatorKeys#API_KEY})
     */
    public static SimulatorControl at(URI simulatorBaseUrl, String apiKey) {
        Objects.requireNonNull(simulatorBaseUrl, "simulatorBaseUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must be the simulator's key (" + SimulatorKeys.API_KEY + ", "
                    + SimulatorKeys.DEFAULT_API_KEY + " unless the deployment sets another)");
        }
        String base = simulatorBaseUrl.toString();
        return new SimulatorControl(simulatorBaseUrl, (base.endsWith("/") ? base : base + "/") + PATH, apiKey);
    }

    /** The simulator's base URL, as given: a Pictory client's base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The key this control sends, which a Pictory client pointed at {@link #baseUrl()} sends too. */
    public String apiKey() {
        return apiKey;
    }

    /** Back to the deployment's configuration: no faults, no script, no jobs, no recorded requests. */
    public void reset() {
        send("POST", "/reset", null);
    }

    /** The next {@code times} requests of {@code endpoint} get {@code fault} (after any faults already scripted for it). */
    public void failNext(PictoryEndpoint endpoint, int times, Fault fault) {
        send("POST", "/faults", ControlJson.faults(endpoint, times, fault));
    }

    /** Jobs submitted from now on stay in progress for {@code duration}. */
    public void jobDuration(Duration duration) {
        send("POST", "/job-duration", ControlJson.jobDuration(duration));
    }

    /** The next {@code times} jobs submitted end as {@code ending} says, after their duration. */
    public void endNextJobs(int times, JobEnding ending) {
        send("POST", "/next-jobs", ControlJson.nextJobs(times, ending));
    }

    /** Ends job {@code jobId} as {@code ending} says: now, if it was still in progress (its webhook is then called). */
    public void endJob(String jobId, JobEnding ending) {
        send("POST", "/jobs/" + segment(jobId) + "/end", ending.toJson());
    }

    /** What happens to the webhooks of the jobs submitted from now on. */
    public void webhooks(WebhookPlan plan) {
        send("POST", "/webhooks", plan.toJson());
    }

    /** The requests the simulator's Pictory endpoints received, oldest first (the latest 1,000 at most). */
    public List<RecordedRequest> requests() {
        return send("GET", "/requests", null).getJsonArray("requests").getValuesAs(JsonObject.class).stream()
                .map(RecordedRequest::fromJson).toList();
    }

    /** {@link #requests()} of one endpoint. */
    public List<RecordedRequest> requests(PictoryEndpoint endpoint) {
        return requests().stream().filter(request -> request.endpoint() == endpoint).toList();
    }

    /**
     * The requests received that {@code pattern} matches, to check how many:
     * {@code simulator.verify(submissions().withPrompt(containing("harbour"))).times(2)}.
     */
    public Verification verify(RequestPattern pattern) {
        return new Verification(pattern, requests());
    }

    /**
     * Waits until the simulator has called job {@code jobId}'s webhook and the app has answered, and answers the
     * job's traffic then.
     *
     * @throws AssertionError when no call was answered within {@code timeout}, saying what the job's traffic was
     */
    public JobTraffic awaitWebhook(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobTraffic traffic = job(jobId);
        while (traffic.webhookCalls().isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Job " + jobId + "'s webhook was not called back within " + timeout + ": "
                        + (traffic.webhook() == null ? "the job has no webhook URL (was pictory.webhook.url set?)"
                        : traffic.callbacks() + " call(s) started to " + traffic.webhook() + ", none answered") + ".");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatorControlException("Interrupted while waiting for job " + jobId + "'s webhook", e);
            }
            traffic = job(jobId);
        }
        return traffic;
    }

    /** A job's reads and webhook calls. */
    public JobTraffic job(String jobId) {
        return JobTraffic.fromJson(send("GET", "/jobs/" + segment(jobId), null));
    }

    /** How many times the job's state was read. */
    public int reads(String jobId) {
        return job(jobId).reads();
    }

    /** Names where it points, never the key. */
    @Override
    public String toString() {
        return "SimulatorControl[" + controlUrl + "]";
    }

    private JsonObject send(String method, String path, JsonObjectBuilder body) {
        String url = controlUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", apiKey).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.build().toString()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SimulatorControlException(method + " " + url + " failed (" + e + "): is the deployment running,"
                    + " and is the URL the simulator's base URL (…/simulator/pictoryapis)?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorControlException(method + " " + url + " was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SimulatorControlException(method + " " + url + " answered " + response.statusCode() + ": "
                    + problem(response));
        }
        return response.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonFields.object(response.body(), "{}");
    }

    private static String problem(HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 404 -> "the simulator is off, or not at this URL: set " + SimulatorKeys.ENABLED + "=true in the"
                    + " deployment's configuration, and pass the simulator's base URL (the app's URL followed by"
                    + " simulator/pictoryapis); a job id the simulator does not know is a 404 too";
            case 401 -> "the simulator refused the key: pass the value of " + SimulatorKeys.API_KEY + " ("
                    + SimulatorKeys.DEFAULT_API_KEY + " unless the deployment sets another)";
            default -> message(response.body());
        };
    }

    private static String message(String body) {
        try {
            return JsonFields.string(JsonFields.object(body, "{}"), "message").orElse(body);
        } catch (IllegalArgumentException notJson) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    private static String segment(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        return URLEncoder.encode(jobId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
