package io.github.pictory4j.images.example;

import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.github.pictory4j.images.simulator.control.PictoryEndpoint.SUBMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ArquillianExtension.class)
class PictureResourceIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "pictures.war")
                .addClasses(PictureApplication.class, PictureResource.class)
                .addAsLibraries(new File(System.getProperty("pictory.client.jar")),
                        new File(System.getProperty("pictory.simulator.jar")))
                .addAsResource(new StringAsset("""
                        pictory.simulator.enabled=true
                        pictory.simulator.job-duration=200ms
                        pictory.api-key=pictai_simulator
                        pictory/mp-rest/url=http://localhost:%s/pictures/simulator/pictoryapis
                        pictory.poll.interval=100ms
                        pictory.retry.base-delay=50ms
                        """.formatted(System.getProperty("liberty.http.port", "9080"))),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    SimulatorControl simulator;

    @BeforeEach
    void resetTheSimulator() {
        simulator = SimulatorControl.at(URI.create(base + "simulator/pictoryapis"));
        simulator.reset();
    }

    @Test
    void aPromptBecomesAPicture() throws Exception {
        HttpResponse<String> response = post("A lighthouse at dawn");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().endsWith(".png"), response.body());
        assertEquals(1, simulator.requests(SUBMIT).size(), "one job, paid once");
    }

    @Test
    void aMomentaryOutageIsRetried() throws Exception {
        simulator.failNext(SUBMIT, 1, Fault.status(503));

        assertEquals(200, post("A lighthouse at dusk").statusCode());
        assertEquals(2, simulator.requests(SUBMIT).size(), "the 503, then the retry");
    }

    @Test
    void aFailedJobIsReported() throws Exception {
        simulator.endNextJobs(1, JobEnding.failed("CONTENT_POLICY", "The prompt was refused"));

        HttpResponse<String> response = post("A lighthouse in a storm");

        assertEquals(422, response.statusCode());
        assertEquals("CONTENT_POLICY", response.body());
    }

    private HttpResponse<String> post(String prompt) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/pictures"))
                .POST(HttpRequest.BodyPublishers.ofString(prompt)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
