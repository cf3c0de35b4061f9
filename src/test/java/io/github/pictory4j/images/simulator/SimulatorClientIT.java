package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.it.ProbeErrors;
import io.github.pictory4j.images.it.ProbeResource;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.github.pictory4j.images.simulator.SimulatorDeployments.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The module's own client ({@code ImageService}, injected, with its MicroProfile REST client) against
 * the simulator, in one Liberty: the simulator is a drop-in for Pictory.
 */
@ExtendWith(ArquillianExtension.class)
class SimulatorClientIT {

    private static final String NAME = "simulator-client-it";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        String port = System.getProperty("liberty.http.port", "9080");
        return SimulatorDeployments.simulatorAndClient(NAME,
                        SimulatorSettings.JOB_DURATION + "=300ms\n"
                                + "pictory/mp-rest/url=http://localhost:" + port + "/" + NAME + "/simulator/pictoryapis\n"
                                + "pictory.api-key=" + SimulatorDeployments.KEY + "\n"
                                // Whatever key the client ends up with (the environment may set one), the simulator takes it.
                                + SimulatorKeys.API_KEY + "=${pictory.api-key}\n"
                                + "pictory.poll.interval=100ms\n"
                                + "pictory.poll.timeout=20s\n")
                .addClasses(ClientProbeApplication.class, ProbeResource.class, ProbeErrors.class, ProbeErrors.Violations.class);
    }

    private HttpResponse<String> probe(String method, String path, String json) throws Exception {
        return SimulatorDeployments.call(method, URI.create(base + "probe/" + path), null, json);
    }

    @Test
    void theServiceGeneratesAnImageAndTheUrlServesIt() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\","
                + "\"style\":\"vintage\"}");

        HttpResponse<String> awaited = probe("GET", "jobs/" + jobId + "/await", null);

        assertEquals(200, awaited.statusCode(), awaited.body());
        JsonObject job = json(awaited);
        assertEquals(jobId, job.getString("jobId"));
        assertEquals("completed", job.getString("status"));
        assertEquals(1024, job.getInt("width"));
        assertEquals(576, job.getInt("height"));
        assertEquals(0, new BigDecimal("0.6").compareTo(job.getJsonNumber("aiCreditsUsed").bigDecimalValue()),
                "flux-schnell costs 0.6 credits (Pictory's documentation): " + job);
        HttpResponse<byte[]> png = SimulatorDeployments.download(URI.create(job.getString("url")));
        assertEquals(200, png.statusCode());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertNotNull(image);
        assertEquals(576, image.getHeight());

        JsonObject listed = json(probe("GET", "images", null)).getJsonArray("items").getJsonObject(0);
        assertEquals(jobId, listed.getString("id"));
        assertEquals("vintage", listed.getString("style"));
        assertEquals("flux-schnell", listed.getString("model"));
    }

    @Test
    void asynchronousWaitingWorksToo() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse at dusk\"}");

        HttpResponse<String> awaited = probe("GET", "jobs/" + jobId + "/await-async", null);

        assertEquals(200, awaited.statusCode(), awaited.body());
        assertEquals("completed", json(awaited).getString("status"));
        assertEquals(1024, json(awaited).getInt("height"));
    }

    @Test
    void aFailedJobIsTheServicesFailure() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse at dawn [fail]\"}");

        HttpResponse<String> awaited = probe("GET", "jobs/" + jobId + "/await", null);

        assertEquals("ImageJobFailedException", json(awaited).getString("type"), awaited.body());
        assertTrue(json(awaited).getString("message").contains(PictoryJson.FAILED_CODE), awaited.body());
    }

    @Test
    void cleaningAndUnknownJobsMapToTheServicesTypes() throws Exception {
        String jobId = submit("{\"prompt\":\"A lighthouse to clean\"}");
        assertEquals("completed", json(probe("GET", "jobs/" + jobId + "/await", null)).getString("status"));

        HttpResponse<String> cleaned = probe("DELETE", "jobs/" + jobId, null);
        assertEquals(200, cleaned.statusCode(), cleaned.body());
        assertEquals("cleaned", json(probe("GET", "jobs/" + jobId, null)).getString("status"));

        HttpResponse<String> unknown = probe("GET", "jobs/" + UUID.randomUUID(), null);
        assertEquals("PictoryNotFoundException", json(unknown).getString("type"), unknown.body());
    }

    private String submit(String json) throws Exception {
        HttpResponse<String> response = probe("POST", "images", json);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getString("jobId");
    }
}
