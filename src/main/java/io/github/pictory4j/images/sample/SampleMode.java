package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.PictorySettings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Locale;

/** Where the sample sends its Pictory requests. */
public enum SampleMode {
    /** No key configured: the embedded simulator, no internet needed. */
    SIMULATOR,
    /** A key is configured ({@code pictory.api-key}, however it is set): the real Pictory. */
    PICTORY;

    /** The mode the app's configuration asks for (see {@link #detect}). */
    static SampleMode of(Config config) {
        return detect(config.getConfigSources());
    }

    /**
     * PICTORY when any source other than the sample's own defaults holds a non-blank
     * {@code pictory.api-key}: whatever sets it (an environment variable, a system property, a server.xml
     * variable, the app's properties), the user has given a key for the real Pictory. The sample's defaults
     * do not count: in simulator mode they hold the simulator's key.
     */
    static SampleMode detect(Iterable<ConfigSource> sources) {
        for (ConfigSource source : sources) {
            if (!SampleConfigSource.isSampleDefaults(source) && isSet(source.getValue(PictorySettings.API_KEY))) {
                return PICTORY;
            }
        }
        return SIMULATOR;
    }

    /** Where the app's client sends its requests, as configured (never the key). */
    static String baseUrl(Config config) {
        return config.getOptionalValue(PictorySettings.BASE_URL, String.class).orElse(PictorySettings.DEFAULT_BASE_URL);
    }

    /** As the sample's API and health data spell it: {@code simulator}, {@code pictory}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
