package io.github.pictory4j.images.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An app with no key configured anywhere gets a clear error, and Pictory gets nothing. */
@ExtendWith(ArquillianExtension.class)
class MissingApiKeyIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return ProbeDeployments.probe("keyless-probe", "");
    }

    @Test
    void missingKeyNamesThePropertyAndTheEnvironmentVariable() throws Exception {
        PictoryStub.SERVER.resetAll();

        HttpResponse<String> response = ProbeDeployments.call("POST", URI.create(base + "probe/images"),
                "{\"prompt\":\"A lighthouse at dawn\"}");

        JsonObject error = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("PictoryConfigurationException", error.getString("type"), response.body());
        assertTrue(error.getString("message").contains("pictory.api-key"), response.body());
        assertTrue(error.getString("message").contains("PICTORY_API_KEY"), response.body());
        PictoryStub.SERVER.verify(0, anyRequestedFor(anyUrl()));
    }
}
