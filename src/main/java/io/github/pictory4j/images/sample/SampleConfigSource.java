package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.api.PictoryImagesApi;
import io.github.pictory4j.images.config.SimulatorKeys;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The sample's defaults, chosen by mode. With no {@code PICTORY_API_KEY} the app runs in simulator
 * mode: its client talks to the embedded simulator with the simulator's documented key and polls
 * fast. With a key, nothing here touches the client: Pictory's base URL and polling guidance apply.
 *
 * <p>The ordinal (150) is above the jar's {@code microprofile-config.properties} (100) and below
 * environment variables (300), system properties (400) and server.xml variables (500), so any of
 * those still overrides a default set here.
 */
public class SampleConfigSource implements ConfigSource {

    /** Where the app listens: MicroProfile Config reads the HTTP_PORT variable server.xml uses too. */
    private static final String LOCAL_APP = "http://localhost:${HTTP_PORT:9080}";

    private static final String RUN_SECRET = randomSecret();

    private final Map<String, String> properties;

    public SampleConfigSource() {
        this(SampleMode.detect());
    }

    SampleConfigSource(SampleMode mode) {
        Map<String, String> values = new HashMap<>();
        // The OpenAPI document describes the sample's API; the simulator mimics someone else's.
        values.put("mp.openapi.scan.exclude.packages", "io.github.pictory4j.images.simulator");
        if (mode == SampleMode.SIMULATOR) {
            values.put(SimulatorKeys.ENABLED, "true");
            values.put(PictoryImagesApi.BASE_URL_PROPERTY, LOCAL_APP + "/simulator/pictoryapis");
            // An expression, so that the client sends whatever key the simulator is configured to accept.
            values.put("pictory.api-key", "${" + SimulatorKeys.API_KEY + ":" + SimulatorKeys.DEFAULT_API_KEY + "}");
            values.put("pictory.poll.interval", "1s");
            values.put("pictory.poll.timeout", "2m");
            // The simulator calls back, so the app learns of each end at once; a key made per run
            // signs the callback tokens.
            values.put("pictory.webhook.url", LOCAL_APP + "/api/pictory/webhook");
            values.put("pictory.webhook.secret", RUN_SECRET);
        }
        properties = Map.copyOf(values);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "pictory4j-sample-defaults";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
