package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.PictorySettings;
import org.eclipse.microprofile.config.Config;

/** Where the sample sends its Pictory requests. */
public enum SampleMode {
    /** No key: the embedded simulator, no internet needed. */
    SIMULATOR,
    /** {@code PICTORY_API_KEY} is set: the real Pictory. */
    PICTORY;

    /** Pictory when the key is in the environment (or a system property), else the simulator. */
    static SampleMode detect() {
        return isSet(System.getenv("PICTORY_API_KEY")) || isSet(System.getProperty("pictory.api-key"))
                ? PICTORY : SIMULATOR;
    }

    /** Where the app's client sends its requests, as configured (never the key). */
    static String baseUrl(Config config) {
        return config.getOptionalValue(PictorySettings.BASE_URL, String.class)
                .orElse(PictorySettings.DEFAULT_BASE_URL);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
