package io.github.pictory4j.images.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The key from the environment variable PICTORY_API_KEY, and the base URL from PICTORY_MP_REST_URL
 * (which points at the stub under {@code /from-env}). Runs in its own failsafe execution, whose
 * Liberty process is started with those variables set (see the pom), because environment variables
 * are fixed for a process's life.
 */
@ExtendWith(ArquillianExtension.class)
class ApiKeyFromEnvironmentIT {

    static final String ENV_KEY = "pictai_it_from_environment_0b77";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return ProbeDeployments.probe("env-key-probe", "");
    }

    @Test
    void theKeyAndTheBaseUrlComeFromTheEnvironment() throws Exception {
        PictoryStub.SERVER.resetAll();
        PictoryStub.SERVER.stubFor(post("/from-env/pictoryapis/v1/aistudio/images")
                .willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-env\"}}")));

        HttpResponse<String> response = ProbeDeployments.call("POST", URI.create(base + "probe/images"),
                "{\"prompt\":\"A lighthouse at dawn\"}");

        assertEquals(200, response.statusCode(), response.body());
        PictoryStub.SERVER.verify(1, postRequestedFor(urlEqualTo("/from-env/pictoryapis/v1/aistudio/images"))
                .withHeader("Authorization", equalTo(ENV_KEY)));
    }
}
