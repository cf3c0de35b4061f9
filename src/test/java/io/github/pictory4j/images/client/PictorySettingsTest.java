package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.github.pictory4j.images.client.internal.config.ConfigValues;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PictorySettingsTest {

    @Test
    void readsDurationsWithAUnitOrInIso() {
        assertEquals(Duration.ofMillis(500), ConfigValues.parseDuration("k", "500ms"));
        assertEquals(Duration.ofSeconds(15), ConfigValues.parseDuration("k", "15s"));
        assertEquals(Duration.ofMinutes(10), ConfigValues.parseDuration("k", " 10m "));
        assertEquals(Duration.ofHours(1), ConfigValues.parseDuration("k", "1h"));
        assertEquals(Duration.ofSeconds(15), ConfigValues.parseDuration("k", "PT15S"));
    }

    @Test
    void aBadDurationNamesTheKeyTheEnvVarAndTheFormats() {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                () -> ConfigValues.parseDuration(PictorySettings.POLL_INTERVAL, "15"));

        assertTrue(e.getMessage().contains("pictory.poll.interval (env PICTORY_POLL_INTERVAL)"), e.getMessage());
        assertTrue(e.getMessage().contains("15s"), e.getMessage());
    }

    @Test
    void mapsKeysToEnvironmentVariablesAsMicroProfileConfigDoes() {
        assertEquals("PICTORY_API_KEY", ConfigValues.environmentVariable("pictory.api-key"));
        assertEquals("PICTORY_MP_REST_URL", ConfigValues.environmentVariable("pictory/mp-rest/url"));
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

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void readsTheLimitOnBackgroundThreadsFromConfig() {
        assertEquals(16, PictoryConfig.settings(config(Map.of())).backgroundThreads());
        assertEquals(4, PictoryConfig.settings(config(Map.of(PictorySettings.BACKGROUND_THREADS, " 4 "))).backgroundThreads());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001"})
    void aLimitOnBackgroundThreadsOutOfRangeSaysWhichNumbersAreAllowed(String value) {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.settings(config(Map.of(PictorySettings.BACKGROUND_THREADS, value))));

        assertEquals("pictory.background.threads (env PICTORY_BACKGROUND_THREADS) must be from 1 to 1000, such as 16",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"many", "2.5"})
    void aLimitOnBackgroundThreadsThatIsNoWholeNumberSaysSo(String value) {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.settings(config(Map.of(PictorySettings.BACKGROUND_THREADS, value))));

        assertEquals("pictory.background.threads (env PICTORY_BACKGROUND_THREADS) must be a whole number, such as 16",
                e.getMessage());
    }

    @Test
    void aNegativeRetryCountSaysZeroIsTheLeast() {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.settings(config(Map.of(PictorySettings.RETRY_MAX_RETRIES, "-1"))));

        assertEquals("pictory.retry.max-retries (env PICTORY_RETRY_MAX_RETRIES) must be 0 or more, such as 2", e.getMessage());
    }
}
