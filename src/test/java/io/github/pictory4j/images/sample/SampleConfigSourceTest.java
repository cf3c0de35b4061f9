package io.github.pictory4j.images.sample;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's defaults in a real MicroProfile Config (SmallRye): the simulator's in simulator mode,
 * none of them once any other source holds a key, decided at each lookup.
 */
class SampleConfigSourceTest {

    private static final String BASE_URL = "pictory/mp-rest/url";
    private static final String ENABLED = "pictory.simulator.enabled";

    /** What the user configured, as a server.xml variable would hold it (ordinal 500); changeable. */
    private final Map<String, String> userSettings = new HashMap<>();

    @Test
    void withoutAKeyTheClientGoesToTheSimulatorWithItsKeyAndTheSimulatorIsOn() {
        SmallRyeConfig config = configWithSampleDefaults();

        assertEquals("http://localhost:9080/simulator/pictoryapis", config.getValue(BASE_URL, String.class));
        String key = config.getValue("pictory.api-key", String.class);
        assertEquals(config.getValue("pictory.simulator.api-key", String.class), key, "the key the simulator accepts");
        assertTrue(key.startsWith("pictai_simulator_") && key.length() >= 40,
                "made for this run, not the simulator's documented default: " + key.length());
        assertEquals(Boolean.TRUE, config.getValue(ENABLED, Boolean.class));
        assertEquals("1s", config.getValue("pictory.poll.interval", String.class));
        assertEquals("http://localhost:9080/api/pictory/webhook", config.getValue("pictory.webhook.url", String.class));
        assertTrue(config.getValue("pictory.webhook.secret", String.class).length() >= 32);
        assertEquals(Boolean.TRUE, config.getValue("pictory.budget.simulated", Boolean.class), "the simulator's credits apart");
    }

    @Test
    void aSimulatorKeySetByTheUserIsTheOneBothSidesUse() {
        userSettings.put("pictory.simulator.api-key", "pictai_simulator");
        SmallRyeConfig config = configWithSampleDefaults();

        assertEquals("pictai_simulator", config.getValue("pictory.api-key", String.class));
        assertEquals("design,marketing", config.getValue("pictory.budget.teams", String.class), "the demo users' teams");
    }

    @Test
    void withAKeyInAnotherSourceNoSimulatorDefaultIsSupplied() {
        userSettings.put("pictory.api-key", "pictai_from_server_xml");
        SmallRyeConfig config = configWithSampleDefaults();

        assertEquals("pictai_from_server_xml", config.getValue("pictory.api-key", String.class));
        assertTrue(config.getOptionalValue(BASE_URL, String.class).isEmpty(), "Pictory's own URL applies");
        assertTrue(config.getOptionalValue(ENABLED, Boolean.class).isEmpty(), "the simulator stays off");
        for (String name : List.of("pictory.budget.simulated", "pictory.poll.interval", "pictory.poll.timeout", "pictory.webhook.url",
                "pictory.webhook.secret")) {
            assertTrue(config.getOptionalValue(name, String.class).isEmpty(), name);
        }
        assertEquals("io.github.pictory4j.images.simulator",
                config.getValue("mp.openapi.scan.exclude.packages", String.class), "not a simulator default");
    }

    @Test
    void theModeFollowsTheKeyWhileTheAppRuns() {
        SmallRyeConfig config = configWithSampleDefaults();
        SampleConfigSource defaults = sampleDefaults(config);
        assertEquals(SampleMode.SIMULATOR, defaults.mode());

        userSettings.put("pictory.api-key", "pictai_added_later");
        assertEquals(SampleMode.PICTORY, defaults.mode());
        assertTrue(config.getOptionalValue(BASE_URL, String.class).isEmpty());
        assertFalse(defaults.getProperties().containsKey(BASE_URL));

        userSettings.remove("pictory.api-key");
        assertEquals(SampleMode.SIMULATOR, defaults.mode());
        assertEquals("http://localhost:9080/simulator/pictoryapis", config.getValue(BASE_URL, String.class));
    }

    @Test
    void theUsersOwnSettingsStillWinInSimulatorMode() {
        userSettings.put("pictory.simulator.api-key", "pictai_my_simulator");
        userSettings.put("pictory.poll.interval", "5s");
        SmallRyeConfig config = configWithSampleDefaults();

        assertEquals("pictai_my_simulator", config.getValue("pictory.api-key", String.class),
                "the client sends the key the simulator accepts");
        assertEquals("5s", config.getValue("pictory.poll.interval", String.class));
    }

    @Test
    void aConfigurationThatAsksThisSourceAgainWhileItDecidesDoesNotLoop() {
        AtomicReference<SmallRyeConfig> config = new AtomicReference<>();
        // As a configuration being set up might: look up a sample default while the mode is being decided.
        SampleConfigSource defaults = new SampleConfigSource(() -> {
            config.get().getOptionalValue(BASE_URL, String.class);
            return config.get().getConfigSources();
        });
        config.set(new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(defaults, user()).build());

        assertEquals("http://localhost:9080/simulator/pictoryapis", config.get().getValue(BASE_URL, String.class));
        assertNull(defaults.getValue("not.a.sample.default"));
    }

    @Test
    void namesAreListedWhateverTheModeWithoutDecidingIt() {
        SampleConfigSource defaults = new SampleConfigSource(() -> {
            throw new AssertionError("listing names must not consult the configuration");
        });

        assertTrue(defaults.getPropertyNames().containsAll(List.of(BASE_URL, ENABLED, "pictory.api-key")));
        assertEquals(SampleConfigSource.ORDINAL, defaults.getOrdinal());
    }

    /** A configuration like the app's: the user's settings and the sample's defaults, which read the former. */
    private SmallRyeConfig configWithSampleDefaults() {
        AtomicReference<SmallRyeConfig> config = new AtomicReference<>();
        config.set(new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new SampleConfigSource(() -> config.get().getConfigSources()), user())
                .build());
        return config.get();
    }

    /** The user's settings, read live so that a test can change them while the configuration runs. */
    private ConfigSource user() {
        return SampleModeTest.source("server.xml variables", 500, userSettings);
    }

    private static SampleConfigSource sampleDefaults(SmallRyeConfig config) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof SampleConfigSource defaults) {
                return defaults;
            }
        }
        throw new AssertionError("the sample's defaults are not among the sources");
    }
}
