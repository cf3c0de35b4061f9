package io.github.pictory4j.images.it;

import java.nio.file.Path;

/**
 * The Liberty server the Arquillian tests run in. It has a name of its own ({@code pictory-it}, not
 * {@code defaultServer}), so that the tests can run while {@code mvn liberty:run} serves the sample:
 * Arquillian refuses to start a server whose name a running Liberty already has.
 */
public final class TestServer {

    public static final String NAME = System.getProperty("liberty.it.server", "pictory-it");

    private TestServer() {
    }

    /** The server's directory: its configDropins, its logs. */
    public static Path dir() {
        return Path.of("target/liberty/wlp/usr/servers", NAME);
    }

    /** The server's messages.log. */
    public static Path messagesLog() {
        return dir().resolve("logs/messages.log");
    }
}
