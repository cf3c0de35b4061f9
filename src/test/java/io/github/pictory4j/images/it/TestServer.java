package io.github.pictory4j.images.it;

import java.nio.file.Path;

/**
 * The Liberty server the Arquillian tests run in. It has a name of its own ({@code pictory-tests}, not
 * {@code defaultServer}), so that the tests can run while {@code mvn liberty:run} serves the sample:
 * Arquillian refuses to start a server while a running Liberty's command line contains its name (so
 * the name is chosen to be part of no other server's name here).
 */
public final class TestServer {

    public static final String NAME = System.getProperty("liberty.it.server", "pictory-tests");

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
