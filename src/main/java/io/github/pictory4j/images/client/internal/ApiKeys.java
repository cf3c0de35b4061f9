package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictorySettings;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.function.Supplier;

/** The API key, from MicroProfile Config at each call, so that a rotated key is used without a restart. */
public final class ApiKeys {

    private ApiKeys() {
    }

    /** Supplies the configured key, or throws {@link #missing()}. */
    public static Supplier<String> from(Config config) {
        return () -> configured(config).orElseThrow(ApiKeys::missing);
    }

    /** The configured key, when there is a non-blank one. */
    public static Optional<String> configured(Config config) {
        return config.getOptionalValue(PictorySettings.API_KEY, String.class).filter(key -> !key.isBlank());
    }

    /** What a call without a key throws: where to set one, on any runtime. */
    public static PictoryConfigurationException missing() {
        return new PictoryConfigurationException("No Pictory API key is configured: set the MicroProfile Config property "
                + PictorySettings.API_KEY + ", for example as the environment variable "
                + PictorySettings.environmentVariable(PictorySettings.API_KEY) + ", as a system property, or in your"
                + " runtime's configuration (a <variable> in Open Liberty's server.xml, a system property in Payara or"
                + " WildFly). Keys start with pictai_ and come from Pictory's API access page.");
    }
}
