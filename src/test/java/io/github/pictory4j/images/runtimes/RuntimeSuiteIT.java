package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.runtimes.ConsumerDeployments.DataSourceDefinition;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.github.pictory4j.images.runtimes.ConsumerDeployments.RUNTIME;
import static io.github.pictory4j.images.runtimes.ConsumerDeployments.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module in a consumer app on the runtime under test (Open Liberty, WildFly or Payara: the failsafe
 * execution chooses): injection, Bean Validation, configuration from the runtime's own sources, a job
 * generated blocking and asynchronously on the managed scheduler, the webhook endpoint, and the durable store
 * through a data source the runtime makes. The app's settings come from three sources: its
 * {@code microprofile-config.properties} (the key, Pictory's URL, the data source), the server's
 * environment ({@code PICTORY_WEBHOOK_SECRET}) and a system property of the server's JVM
 * ({@code pictory.poll.interval=200ms}, over the app's {@code 5s}).
 */
@ExtendWith(ArquillianExtension.class)
class RuntimeSuiteIT {

    private static final String NAME = "consumer";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final SimulatorControl simulator = ConsumerDeployments.simulator(NAME);

    @Deployment(testable = false)
    static WebArchive app() {
        return ConsumerDeployments.consumer(NAME, "pictory.api-key=" + ConsumerDeployments.KEY + "\n"
                        + "pictory.poll.interval=5s\n"
                        + "pictory.webhook.url=" + ConsumerDeployments.webhookUrl(NAME) + "\n",
                DataSourceDefinition.h2("consumer-" + RUNTIME), "target/jdbc/h2.jar");
    }

    @Test
    void theInjectedServiceReadsTheAppsPropertiesTheEnvironmentAndSystemProperties() throws Exception {
        JsonObject settings = json(NAME, "GET", "settings", null, 200);

        assertTrue(settings.getBoolean("hasApiKey"), RUNTIME + ", the key from the app's properties: " + settings);
        assertEquals("PT0.2S", settings.getString("pollInterval"),
                RUNTIME + ": the JVM's system property outranks the app's properties: " + settings
                        + json(NAME, "GET", "config/pictory.poll.interval", null, 200));
        assertTrue(settings.getBoolean("webhooks"), RUNTIME + ", the secret from the environment: " + settings
                + json(NAME, "GET", "config/pictory.webhook.secret", null, 200).getString("source"));
        assertTrue(settings.getBoolean("durable"), RUNTIME + ", the app's data source: " + settings);
    }

    @Test
    void anInvalidRequestIsRefusedByBeanValidationBeforeAnythingIsSent() throws Exception {
        int before = simulator.requests(PictoryEndpoint.SUBMIT).size();

        JsonObject refused = json(NAME, "POST", "images", "{\"prompt\":\"four\"}", 400);

        assertEquals("ConstraintViolationException", refused.getString("type"), refused.toString());
        assertEquals("submit.request.prompt", refused.getJsonArray("violations").getJsonObject(0).getString("path"),
                refused.toString());
        assertEquals(before, simulator.requests(PictoryEndpoint.SUBMIT).size(), "nothing reached Pictory");
    }

    @Test
    void generateWaitsUntilTheJobCompletes() throws Exception {
        JsonObject job = json(NAME, "POST", "generate", "{\"prompt\":\"A lighthouse at dawn, blocking\"}", 200);

        assertEquals("completed", job.getString("status"), RUNTIME + ": " + job);
        assertTrue(job.getString("url").endsWith(job.getString("jobId") + ".png"), job.toString());
    }

    @Test
    void generateAsyncEndsOnTheManagedSchedulerWithNoThreadParked() throws Exception {
        JsonObject job = json(NAME, "POST", "generate-async", "{\"prompt\":\"A lighthouse at dawn, async\"}", 200);

        assertEquals("completed", job.getString("status"), RUNTIME + ": " + job);
        assertTrue(job.getBoolean("endedAfterTheCallReturned"), "the call returned before the job ended: " + job);
    }

    @Test
    void theWebhookEndpointTakesPictorysCallbackAndRefusesAForgedOne() throws Exception {
        JsonObject job = json(NAME, "POST", "generate", "{\"prompt\":\"A lighthouse at dawn, called back\"}", 200);
        String jobId = job.getString("jobId");

        assertTrue(awaitCallback(jobId), RUNTIME + ": no callback accepted for " + jobId + "; the simulator's calls: "
                + simulator.job(jobId));
        HttpResponse<String> forged = ConsumerDeployments.call(NAME, "POST", "webhook?token=forged",
                "{\"job_id\":\"" + jobId + "\"}");
        assertEquals(401, forged.statusCode(), forged.body());
        assertEquals(1, json(NAME, "GET", "jobs/" + jobId + "/callbacks", null, 200).getInt("accepted"));
    }

    @Test
    void theDurableStoreKeepsTheJobAndItsImageInTheRuntimesDataSource() throws Exception {
        String prompt = "A lighthouse at dawn, kept";
        String jobId = json(NAME, "POST", "generate", "{\"prompt\":\"" + prompt + "\"}", 200).getString("jobId");

        JsonObject record = ConsumerDeployments.awaitKept(NAME, jobId);
        assertEquals(prompt, record.getString("prompt"), record.toString());
        assertTrue(record.getBoolean("ended"), record.toString());
        assertEquals("completed", record.getString("status"), record.toString());
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(ConsumerDeployments.base(NAME) + "/consumer/jobs/" + jobId + "/image")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        byte[] head = new byte[PNG_SIGNATURE.length];
        System.arraycopy(image.body(), 0, head, 0, head.length);
        assertArrayEquals(PNG_SIGNATURE, head);
        assertFalse(simulator.requests(PictoryEndpoint.DOWNLOAD_IMAGE).isEmpty(), "the image was fetched from Pictory");
    }

    private boolean awaitCallback(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (json(NAME, "GET", "jobs/" + jobId + "/callbacks", null, 200).getInt("accepted") > 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
