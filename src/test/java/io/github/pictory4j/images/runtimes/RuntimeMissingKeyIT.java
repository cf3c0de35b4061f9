package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.simulator.control.SimulatorControl;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.pictory4j.images.runtimes.ConsumerDeployments.RUNTIME;
import static io.github.pictory4j.images.runtimes.ConsumerDeployments.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An app with no key anywhere deploys, and each call says which setting is missing; Pictory gets nothing. */
@ExtendWith(ArquillianExtension.class)
class RuntimeMissingKeyIT {

    private static final String NAME = "consumer-keyless";

    @Deployment(testable = false)
    static WebArchive app() {
        return ConsumerDeployments.consumer(NAME, "");
    }

    @Test
    void aCallWithoutAKeyNamesThePropertyAndTheEnvironmentVariable() throws Exception {
        SimulatorControl simulator = ConsumerDeployments.simulator(NAME);

        assertFalse(json(NAME, "GET", "settings", null, 200).getBoolean("hasApiKey"));
        JsonObject error = json(NAME, "POST", "images", "{\"prompt\":\"A lighthouse at dawn, keyless\"}", 502);

        assertEquals("PictoryConfigurationException", error.getString("type"), RUNTIME + ": " + error);
        assertTrue(error.getString("message").contains("pictory.api-key"), error.toString());
        assertTrue(error.getString("message").contains("PICTORY_API_KEY"), error.toString());
        assertTrue(simulator.requests().isEmpty(), "nothing reached Pictory: " + simulator.requests());
    }
}
