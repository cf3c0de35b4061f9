package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.it.PictoryStub;
import io.github.pictory4j.images.it.TestHttp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample with PICTORY_API_KEY set: it talks to "the real Pictory" (here the stub that
 * PICTORY_MP_REST_URL names, see the pom's second IT run), turns the simulator off, and maps Pictory's
 * failures to 502 (key refused, never echoed), 503 (unavailable after retries) and 504 (timed out).
 */
@ExtendWith(ArquillianExtension.class)
class SamplePictoryModeFromEnvironmentIT {

    private static final String ENV_KEY = "pictai_it_from_environment_0b77";
    private static final String IMAGES = "/from-env/pictoryapis/v1/aistudio/images";
    private static final String VALID = "{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\"}";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployment.war();
    }

    @BeforeEach
    void reset() {
        PictoryStub.SERVER.resetAll();
    }

    @Test
    void itSendsToPictoryWithTheKeyAndSaysSo() throws Exception {
        PictoryStub.SERVER.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"real-1\"}}")));

        HttpResponse<String> accepted = send("POST", "api/images", VALID);

        assertEquals(202, accepted.statusCode(), accepted.body());
        PictoryStub.SERVER.verify(1, postRequestedFor(urlEqualTo(IMAGES)).withHeader("Authorization", equalTo(ENV_KEY)));
        assertEquals("pictory", json(send("GET", "api/options", null)).getString("mode"));
        assertEquals(404, send("GET", "simulator/pictoryapis/v1/jobs/real-1", null).statusCode(), "the simulator is off");
        String log = Files.readString(io.github.pictory4j.images.it.TestServer.messagesLog());
        assertTrue(log.contains("pictory4j sample: PICTORY mode (pictory.api-key set): Pictory requests go to"
                + " http://127.0.0.1:" + PictoryStub.SERVER.port() + "/from-env/pictoryapis"), "the startup line");
        assertFalse(log.contains(ENV_KEY), "the key is never logged");
    }

    @Test
    void aRefusedKeyIs502AndTheKeyIsNotEchoed() throws Exception {
        PictoryStub.SERVER.stubFor(post(IMAGES).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));

        HttpResponse<String> response = send("POST", "api/images", VALID);

        assertEquals(502, response.statusCode(), response.body());
        assertTrue(json(response).getString("message").contains("PICTORY_API_KEY"), response.body());
        assertFalse(response.body().contains(ENV_KEY));
        PictoryStub.SERVER.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void pictoryUnavailableAfterRetriesIs503() throws Exception {
        PictoryStub.SERVER.stubFor(post(IMAGES).willReturn(aResponse().withStatus(500)));

        HttpResponse<String> response = send("POST", "api/images", VALID);

        assertEquals(503, response.statusCode(), response.body());
        PictoryStub.SERVER.verify(3, postRequestedFor(urlEqualTo(IMAGES)));
    }

    @Test
    void pictoryTimingOutIs504() throws Exception {
        PictoryStub.SERVER.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"late\"}}")
                .withFixedDelay(3500)));

        HttpResponse<String> response = send("POST", "api/images", VALID);

        assertEquals(504, response.statusCode(), response.body());
        PictoryStub.SERVER.verify(1, postRequestedFor(urlEqualTo(IMAGES)));
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return TestHttp.send(method, URI.create(base + path), body, SampleLogins.ALICE);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return TestHttp.json(response);
    }
}
