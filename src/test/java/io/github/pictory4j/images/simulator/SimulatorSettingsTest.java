package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorSettingsTest {

    @Test
    void defaultsAreOffWithTheDocumentedKeyAndThreeSecondJobs() {
        SimulatorSettings settings = SimulatorSettings.from(config(Map.of()));

        assertFalse(settings.enabled());
        assertEquals("pictai_simulator", settings.apiKey());
        assertEquals(Duration.ofSeconds(3), settings.jobDuration());
        assertEquals(500, settings.maxJobs());
        assertEquals(100, settings.pageSize());
        assertEquals(Duration.ofSeconds(5), settings.webhookTimeout());
    }

    @Test
    void readsEverySetting() {
        SimulatorSettings settings = SimulatorSettings.from(config(Map.of(
                SimulatorKeys.ENABLED, "true",
                SimulatorKeys.API_KEY, "pictai_other",
                SimulatorSettings.JOB_DURATION, "500ms",
                SimulatorSettings.MAX_JOBS, "20",
                SimulatorSettings.PAGE_SIZE, "2",
                SimulatorSettings.WEBHOOK_TIMEOUT, "1s")));

        assertEquals(new SimulatorSettings(true, "pictai_other", Duration.ofMillis(500), 20, 2, Duration.ofSeconds(1)),
                settings);
    }

    @Test
    void jobDurationsTakeAUnitOrIso() {
        assertEquals(Duration.ofMillis(500), jobDuration("500ms"));
        assertEquals(Duration.ofSeconds(3), jobDuration("3s"));
        assertEquals(Duration.ofMinutes(1), jobDuration("1m"));
        assertEquals(Duration.ofSeconds(2), jobDuration("PT2S"));
        assertEquals(Duration.ZERO, jobDuration("0s"));
        SimulatorConfigurationException e = assertThrows(SimulatorConfigurationException.class, () -> jobDuration("3"));
        assertEquals("pictory.simulator.job-duration (env PICTORY_SIMULATOR_JOB_DURATION) is not a duration: write a"
                + " number with a unit (500ms, 3s, 1m, 1h) or ISO-8601 (PT3S)", e.getMessage());
        assertThrows(SimulatorConfigurationException.class, () -> jobDuration("PT-1S"));
    }

    @Test
    void errorsNameTheSettingItsVariableAndWhatToWrite() {
        assertEquals("pictory.simulator.max-jobs (env PICTORY_SIMULATOR_MAX_JOBS) must be a whole number, such as 100",
                assertThrows(SimulatorConfigurationException.class,
                        () -> SimulatorSettings.from(config(Map.of(SimulatorSettings.MAX_JOBS, "many")))).getMessage());
        assertEquals("pictory.simulator.page-size (env PICTORY_SIMULATOR_PAGE_SIZE) must be from 1 to 100 (Pictory's page size)",
                assertThrows(SimulatorConfigurationException.class,
                        () -> SimulatorSettings.from(config(Map.of(SimulatorSettings.PAGE_SIZE, "101")))).getMessage());
        assertTrue(assertThrows(SimulatorConfigurationException.class,
                () -> SimulatorSettings.from(config(Map.of(SimulatorKeys.API_KEY, " ")))).getMessage()
                .startsWith("pictory.simulator.api-key (env PICTORY_SIMULATOR_API_KEY) must not be blank"));
    }

    @Test
    void unusableNumbersAreRefused() {
        assertThrows(SimulatorConfigurationException.class, () -> SimulatorSettings.from(config(Map.of(SimulatorSettings.MAX_JOBS, "0"))));
        assertThrows(SimulatorConfigurationException.class, () -> SimulatorSettings.from(config(Map.of(SimulatorSettings.MAX_JOBS, "many"))));
        assertThrows(SimulatorConfigurationException.class, () -> SimulatorSettings.from(config(Map.of(SimulatorSettings.PAGE_SIZE, "101"))));
        assertThrows(SimulatorConfigurationException.class, () -> SimulatorSettings.from(config(Map.of(SimulatorSettings.PAGE_SIZE, "0"))));
    }

    @Test
    void acceptsOnlyTheExactRawKey() {
        SimulatorSettings settings = SimulatorSettings.DEFAULT;

        assertTrue(settings.accepts("pictai_simulator"));
        assertFalse(settings.accepts(null));
        assertFalse(settings.accepts(""));
        assertFalse(settings.accepts("Bearer pictai_simulator"));
        assertFalse(settings.accepts("pictai_simulator "));
        assertFalse(settings.accepts("pictai_simulato"));
        assertFalse(settings.accepts("PICTAI_SIMULATOR"));
    }

    @Test
    void aRecordSaysWhatTheKeyWasWithoutKeepingIt() {
        SimulatorSettings settings = SimulatorSettings.DEFAULT;

        assertEquals(KeyCheck.ACCEPTED, settings.check("pictai_simulator"));
        assertEquals(KeyCheck.REFUSED, settings.check("Bearer pictai_simulator"));
        assertEquals(KeyCheck.REFUSED, settings.check(""));
        assertEquals(KeyCheck.ABSENT, settings.check(null));
    }

    @Test
    void theKeyStaysOutOfToString() {
        SimulatorSettings settings = new SimulatorSettings(true, "pictai_secret_1234", Duration.ofSeconds(1), 1, 1,
                Duration.ofSeconds(1));

        assertFalse(settings.toString().contains("pictai_secret_1234"), settings.toString());
    }

    private static Duration jobDuration(String text) {
        return SimulatorSettings.from(config(Map.of(SimulatorSettings.JOB_DURATION, text))).jobDuration();
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
