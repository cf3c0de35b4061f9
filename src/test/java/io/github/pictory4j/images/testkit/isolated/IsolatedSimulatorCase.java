package io.github.pictory4j.images.testkit.isolated;

import io.github.pictory4j.images.simulator.control.SimulatorControl;
import io.github.pictory4j.images.simulator.junit.PictorySimulatorTest;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import static io.github.pictory4j.images.simulator.control.RequestPattern.jobReads;
import static io.github.pictory4j.images.simulator.control.RequestPattern.submissions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A plain JUnit 5 test as an app has it, run by {@link IsolatedRun} in a JVM whose class path holds the
 * simulator-standalone jar, JUnit and JSON-P only (StandaloneRunnerIT). Not a *Test: surefire leaves it alone.
 */
@PictorySimulatorTest
class IsolatedSimulatorCase {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theSimulatorAnswersWithItsRuntimeOffTheClassPath(SimulatorControl pictory) throws Exception {
        String jobId = json(send(pictory, "POST", "/v1/aistudio/images", "{\"prompt\":\"A harbour at dawn, woodcut\"}"))
                .getJsonObject("data").getString("jobId");
        assertEquals("completed", json(send(pictory, "GET", "/v1/jobs/" + jobId, null))
                .getJsonObject("data").getString("status"));
        pictory.verify(submissions()).times(1);
        pictory.verify(jobReads().withJobId(jobId)).times(1);

        for (String runtime : new String[] {"io.undertow.Undertow", "org.jboss.resteasy.core.ResteasyDeploymentImpl",
                "io.smallrye.config.SmallRyeConfig", "io.github.pictory4j.images.simulator.host.SimulatorHost",
                "io.github.pictory4j.images.simulator.SimulatedJobs"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(runtime), runtime + " stays nested");
        }
    }

    private static String send(SimulatorControl pictory, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(pictory.baseUrl() + path))
                .header("Authorization", pictory.apiKey())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
