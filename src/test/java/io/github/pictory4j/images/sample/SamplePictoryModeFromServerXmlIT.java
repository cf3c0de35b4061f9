package io.github.pictory4j.images.sample;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.pictory4j.images.it.TestHttp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's setup: the key in a server.xml variable, as the README allows, then the app started. The
 * sample must be in Pictory mode everywhere (the startup line, {@code /api/options}, the readiness data),
 * keep the simulator off, and send the key to Pictory's URL or the configured one, never to the
 * simulator. The variable is written before each deployment, so the app starts with it, as it would.
 */
@ExtendWith(ArquillianExtension.class)
class SamplePictoryModeFromServerXmlIT {

    private static final String DEPLOYMENT = "sample-key-in-server-xml";
    private static final String KEY = "pictai_it_from_server_xml_5c1e";
    private static final Path SERVER = io.github.pictory4j.images.it.TestServer.dir();
    private static final Path OVERRIDE = SERVER.resolve("configDropins/overrides/sample-key-in-server-xml.xml");
    private static final Path LOG = SERVER.resolve("logs/messages.log");
    private static final URI APP = URI.create("http://localhost:" + System.getProperty("liberty.http.port", "9080") + "/");
    private static final String SIMULATOR_KEY = "pictai_simulator";
    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** Stands for Pictory at a URL the user configured. */
    private static WireMockServer pictory;

    @ArquillianResource
    private Deployer deployer;

    private boolean deployed;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive app() {
        return SampleDeployment.war();
    }

    @BeforeAll
    static void startPictory() {
        pictory = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        pictory.start();
    }

    @AfterAll
    static void stopPictory() {
        pictory.stop();
    }

    @AfterEach
    void undeployAndRemoveTheVariables() throws Exception {
        if (deployed) {
            deployer.undeploy(DEPLOYMENT);
        }
        if (Files.exists(OVERRIDE)) {
            long mark = Files.size(LOG);
            Files.delete(OVERRIDE);
            awaitConfigurationUpdate(mark);
        }
    }

    @Test
    void theKeyAloneIsPictoryModeWithPictorysUrlAndTheSimulatorOff() throws Exception {
        long mark = Files.size(LOG);
        startWithServerXml("<variable name=\"pictory.api-key\" value=\"" + KEY + "\"/>");

        assertEquals("pictory", sampleOptions().getString("mode"));
        JsonObject readiness = readinessData();
        assertEquals("pictory", readiness.getString("mode"));
        assertEquals("https://api.pictory.ai/pictoryapis", readiness.getString("baseUrl"), "the client's URL");
        assertEquals(404, simulator("GET", "v1/aistudio/images").statusCode(), "the simulator is off");
        String log = logSince(mark);
        assertTrue(log.contains("pictory4j sample: PICTORY mode (pictory.api-key set): Pictory requests go to"
                + " https://api.pictory.ai/pictoryapis"), log);
        assertFalse(log.contains("SIMULATOR mode"), log);
        assertFalse(log.contains(KEY), "the key is never logged");
    }

    @Test
    void theKeyGoesToTheConfiguredUrlAndNeverReachesTheSimulator() throws Exception {
        pictory.resetAll();
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"server-xml-1\"}}")));
        startWithServerXml("<variable name=\"pictory.api-key\" value=\"" + KEY + "\"/>"
                + "<variable name=\"pictory/mp-rest/url\" value=\"http://127.0.0.1:" + pictory.port() + "/pictoryapis\"/>");

        HttpResponse<String> accepted = TestHttp.send("POST", APP.resolve("api/images"),
                "{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\"}", SampleLogins.ALICE);

        assertEquals(202, accepted.statusCode(), accepted.body());
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)).withHeader("Authorization", equalTo(KEY)));
        assertEquals(404, simulator("GET", "simulator-traffic").statusCode(), "the simulator is off");

        // Without the variables the app is back in simulator mode, and the simulator's counter shows that
        // no request at all reached its API while the key was set.
        long mark = Files.size(LOG);
        Files.delete(OVERRIDE);
        awaitConfigurationUpdate(mark);
        assertEquals("simulator", modeWithin(LIMIT, "simulator"));
        HttpResponse<String> traffic = simulator("GET", "simulator-traffic");
        assertEquals(200, traffic.statusCode(), traffic.body());
        assertEquals(0, TestHttp.json(traffic).getInt("apiRequests"), traffic.body());
    }

    /** Applies the variables as a server.xml override, then deploys the sample so that it starts with them. */
    private void startWithServerXml(String variables) throws Exception {
        long mark = Files.size(LOG);
        Files.createDirectories(OVERRIDE.getParent());
        Files.writeString(OVERRIDE, "<server>" + variables + "</server>");
        awaitConfigurationUpdate(mark);
        deployer.deploy(DEPLOYMENT);
        deployed = true;
    }

    private static JsonObject sampleOptions() throws Exception {
        HttpResponse<String> response = TestHttp.send("GET", APP.resolve("api/options"), null, SampleLogins.ALICE);
        assertEquals(200, response.statusCode(), response.body());
        return TestHttp.json(response);
    }

    /** The mode {@code /api/options} reports, asked until it is {@code expected} or the time is up. */
    private static String modeWithin(Duration limit, String expected) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String mode = sampleOptions().getString("mode");
        while (!mode.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            mode = sampleOptions().getString("mode");
        }
        return mode;
    }

    private static JsonObject readinessData() throws Exception {
        HttpResponse<String> response = TestHttp.send("GET", APP.resolve("health/ready"), null);
        for (var check : TestHttp.json(response).getJsonArray("checks").getValuesAs(JsonObject.class)) {
            if (check.getString("name").equals("pictory-configuration")) {
                return check.getJsonObject("data");
            }
        }
        throw new AssertionError("no pictory-configuration check: " + response.body());
    }

    private static HttpResponse<String> simulator(String method, String path) throws Exception {
        return TestHttp.send(method, APP.resolve("simulator/pictoryapis/" + path), null, "Authorization", SIMULATOR_KEY);
    }

    /** Waits until Liberty says it applied (or found nothing new in) a configuration change after {@code mark}. */
    private static void awaitConfigurationUpdate(long mark) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String log = logSince(mark);
            if (log.contains("CWWKG0017I") || log.contains("CWWKG0018I")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Liberty did not apply the configuration change within " + LIMIT);
    }

    private static String logSince(long mark) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - mark)];
            file.seek(mark);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
