package io.github.pictory4j.images.sample;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The mode follows a key set by any of the app's configuration sources except the sample's own defaults. */
class SampleModeTest {

    private static final String KEY = "pictory.api-key";

    @Test
    void noKeyAnywhereIsSimulatorMode() {
        assertEquals(SampleMode.SIMULATOR, SampleMode.detect(List.of()));
        assertEquals(SampleMode.SIMULATOR, SampleMode.detect(List.of(source("env", 300, Map.of("other", "x")))));
    }

    @Test
    void aKeyInAnySourceIsPictoryMode() {
        for (int ordinal : List.of(100, 300, 400, 500, 600)) {
            ConfigSource withKey = source("source-" + ordinal, ordinal, Map.of(KEY, "pictai_real"));

            assertEquals(SampleMode.PICTORY, SampleMode.detect(List.of(source("empty", 700, Map.of()), withKey)),
                    "a key in a source of ordinal " + ordinal);
        }
    }

    @Test
    void theSampleDefaultsDoNotCountThoughTheyHoldTheSimulatorsKey() {
        ConfigSource defaults = new SampleConfigSource(List::of);

        assertEquals(SampleMode.SIMULATOR, SampleMode.detect(List.of(defaults)));
        assertEquals(SampleMode.SIMULATOR, SampleMode.detect(List.of(source(SampleConfigSource.NAME, 150,
                Map.of(KEY, "${pictory.simulator.api-key:pictai_simulator}")))), "recognised by name too");
    }

    @Test
    void aBlankKeyIsNoKey() {
        assertEquals(SampleMode.SIMULATOR, SampleMode.detect(List.of(source("env", 300, Map.of(KEY, "  ")))));
        assertEquals(SampleMode.SIMULATOR, SampleMode.detect(List.of(source("env", 300, Map.of(KEY, "")))));
    }

    @Test
    void theStartupLineNamesTheModeAndWhereRequestsGoNeverTheKey() {
        assertEquals("pictory4j sample: PICTORY mode (pictory.api-key set): Pictory requests go to https://pictory.example",
                ModeAnnouncer.line(SampleMode.PICTORY, "https://pictory.example"));
        assertEquals("pictory4j sample: SIMULATOR mode (no pictory.api-key / PICTORY_API_KEY set): Pictory requests go to"
                        + " the embedded simulator at http://localhost:9080/simulator/pictoryapis; set PICTORY_API_KEY to use"
                        + " the real Pictory",
                ModeAnnouncer.line(SampleMode.SIMULATOR, "http://localhost:9080/simulator/pictoryapis"));
    }

    /** A source named {@code name}, as Liberty's and SmallRye's sources are (env, server.xml variables, …). */
    static ConfigSource source(String name, int ordinal, Map<String, String> properties) {
        return new ConfigSource() {
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
                return name;
            }

            @Override
            public int getOrdinal() {
                return ordinal;
            }
        };
    }
}
