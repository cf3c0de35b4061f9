package io.github.pictory4j.images.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the module's configuration behaves in a container: an app's own microprofile-config.properties
 * wins over the client jar's defaults (which have a lower ordinal, not a tie), and an unusable setting
 * fails the application's start with a message naming the property and its environment variable.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationIT {

    private static final Path MESSAGES = TestServer.messagesLog();

    @ArquillianResource
    private Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("app-wins")
    private URL base;

    /** The app's own file sets a read timeout of 700 ms; the jar's default is 60 s. */
    @Deployment(name = "app-wins", testable = false)
    static WebArchive appWins() {
        return ProbeDeployments.probe("config-app-wins", "pictory/mp-rest/url=" + PictoryStub.pictoryBaseUrl() + "\n"
                + "pictory.api-key=" + ProbeDeployments.TEST_KEY + "\n"
                + "pictory/mp-rest/readTimeout=700\n"
                + "pictory.retry.max-retries=0\n");
    }

    @Deployment(name = "bad-duration", managed = false, testable = false)
    static WebArchive badDuration() {
        return ProbeDeployments.probe("config-bad-duration", "pictory.poll.interval=15\n");
    }

    @Deployment(name = "bad-retries", managed = false, testable = false)
    static WebArchive badRetries() {
        return ProbeDeployments.probe("config-bad-retries", "pictory.retry.max-retries=-1\n");
    }

    @Deployment(name = "short-secret", managed = false, testable = false)
    static WebArchive shortSecret() {
        return ProbeDeployments.probe("config-short-secret", "pictory.webhook.url=https://app.example.com/hook\n"
                + "pictory.webhook.secret=hunter2\n");
    }

    @Test
    void theAppsOwnPropertiesWinOverTheJarsDefaults() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        PictoryStub.SERVER.stubFor(get("/pictoryapis/v1/jobs/" + jobId).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"in-progress\"}}").withFixedDelay(2500)));

        HttpResponse<String> response = ProbeDeployments.call("GET",
                URI.create(base + "probe/jobs/" + jobId), null);

        assertEquals(502, response.statusCode(), response.statusCode() + " " + response.body());
        JsonObject error = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("PictoryTimeoutException", error.getString("type"), response.body());
    }

    @Test
    void aMalformedDurationFailsTheStartNamingThePropertyAndItsVariable() throws Exception {
        assertStartFails("bad-duration", "pictory.poll.interval (env PICTORY_POLL_INTERVAL)");
    }

    @Test
    void aNegativeRetryCountFailsTheStart() throws Exception {
        assertStartFails("bad-retries", "pictory.retry.max-retries (env PICTORY_RETRY_MAX_RETRIES)");
    }

    @Test
    void aShortWebhookSecretFailsTheStartWithoutShowingIt() throws Exception {
        String log = assertStartFails("short-secret", "pictory.webhook.secret (env PICTORY_WEBHOOK_SECRET)");
        assertTrue(!log.contains("hunter2"), "the secret is never logged");
    }

    /** Deploys {@code name}, expects the start to fail, and answers what the server logged meanwhile. */
    private String assertStartFails(String name, String expectedInLog) throws Exception {
        long logSize = Files.size(MESSAGES);
        try {
            assertThrows(Exception.class, () -> deployer.deploy(name), name + " should not start");
        } finally {
            try {
                deployer.undeploy(name);
            } catch (RuntimeException alreadyGone) {
                // a failed deployment may have been removed already
            }
        }
        String logged = readFrom(logSize);
        assertTrue(logged.contains(expectedInLog), "messages.log since the deploy: " + logged);
        return logged;
    }

    private static String readFrom(long offset) throws Exception {
        byte[] all = Files.readAllBytes(MESSAGES);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }
}
