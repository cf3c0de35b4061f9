package io.github.pictory4j.images.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PictorySettingsTest {

    @Test
    void readsDurationsWithAUnitOrInIso() {
        assertEquals(Duration.ofMillis(500), PictorySettings.parseDuration("k", "500ms"));
        assertEquals(Duration.ofSeconds(15), PictorySettings.parseDuration("k", "15s"));
        assertEquals(Duration.ofMinutes(10), PictorySettings.parseDuration("k", " 10m "));
        assertEquals(Duration.ofHours(1), PictorySettings.parseDuration("k", "1h"));
        assertEquals(Duration.ofSeconds(15), PictorySettings.parseDuration("k", "PT15S"));
    }

    @Test
    void aBadDurationNamesTheKeyTheEnvVarAndTheFormats() {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                () -> PictorySettings.parseDuration(PictorySettings.POLL_INTERVAL, "15"));

        assertTrue(e.getMessage().contains("pictory.poll.interval (env PICTORY_POLL_INTERVAL)"), e.getMessage());
        assertTrue(e.getMessage().contains("15s"), e.getMessage());
    }

    @Test
    void mapsKeysToEnvironmentVariablesAsMicroProfileConfigDoes() {
        assertEquals("PICTORY_API_KEY", PictorySettings.environmentVariable("pictory.api-key"));
        assertEquals("PICTORY_MP_REST_URL", PictorySettings.environmentVariable("pictory/mp-rest/url"));
    }

    @Test
    void defaultsFollowPictorysGuidance() {
        assertEquals(Duration.ofSeconds(15), PictorySettings.DEFAULT.pollInterval());
        assertEquals(Duration.ofMinutes(10), PictorySettings.DEFAULT.pollTimeout());
        assertEquals(2, PictorySettings.DEFAULT.retry().maxRetries());
        assertEquals(Duration.ofMillis(500), PictorySettings.DEFAULT.retry().baseDelay());
        assertEquals(Duration.ofSeconds(8), PictorySettings.DEFAULT.retry().maxDelay());
    }

    @Test
    void aZeroPollIntervalIsRefused() {
        assertThrows(PictoryConfigurationException.class,
                () -> new PictorySettings(Duration.ZERO, Duration.ofMinutes(1), RetryPolicy.DEFAULT));
    }
}
