package io.github.pictory4j.images.client.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code User-Agent} sent on every call: this library and its version. Pictory sits behind a
 * proxy that has refused some libraries' default agents.
 */
public final class UserAgent {

    private static final String VALUE = "pictory4j-images/" + version() + " (Java " + Runtime.version().feature() + ")";

    private UserAgent() {
    }

    /** Called by the REST client for the header (see {@link PictoryImagesApi}). */
    public static String value() {
        return VALUE;
    }

    /** This library's version, from the build. */
    public static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream("pictory4j-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
