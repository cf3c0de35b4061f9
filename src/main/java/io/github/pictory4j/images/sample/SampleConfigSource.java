package io.github.pictory4j.images.sample;

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

    static final String SIMULATOR_KEY_PROPERTY = "pictory.simulator.api-key";
    static final String SIMULATOR_DEFAULT_KEY = "pictai_simulator";
    static final String SIMULATOR_PATH = "/simulator/pictoryapis";

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
            values.put("pictory.simulator.enabled", "true");
            values.put("pictory/mp-rest/url", "http://localhost:" + httpPort() + SIMULATOR_PATH);
            values.put("pictory.api-key", simulatorKey());
            values.put("pictory.poll.interval", "1s");
            values.put("pictory.poll.timeout", "2m");
            // The simulator calls back, so the app learns of each end at once; a key made per run
            // signs the callback tokens.
            values.put("pictory.webhook.url", "http://localhost:" + httpPort() + "/api/pictory/webhook");
            values.put("pictory.webhook.secret", RUN_SECRET);
        }
        properties = Map.copyOf(values);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String httpPort() {
        String port = System.getenv("HTTP_PORT");
        return port == null || port.isBlank() ? "9080" : port.trim();
    }

    private static String simulatorKey() {
        for (String configured : new String[]{System.getProperty(SIMULATOR_KEY_PROPERTY),
                System.getenv("PICTORY_SIMULATOR_API_KEY")}) {
            if (configured != null && !configured.isBlank()) {
                return configured;
            }
        }
        return SIMULATOR_DEFAULT_KEY;
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
