package io.github.pictory4j.images.simulator.host;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the runtime's start-up banners (RESTEasy's resource list, Undertow's and XNIO's versions) out of a
 * test's output: its loggers report warnings and worse, unless the JVM's logging configuration already
 * gives them a level. Outside a server, RESTEasy and Undertow log through java.util.logging.
 */
final class QuietRuntimeLogs {

    /** Held, so that the levels set stay set: java.util.logging keeps its loggers only weakly. */
    private static final List<Logger> RUNTIME = List.of("org.jboss.resteasy", "io.undertow", "org.xnio",
            "org.jboss.threads").stream().map(Logger::getLogger).toList();

    private QuietRuntimeLogs() {
    }

    static void apply() {
        for (Logger logger : RUNTIME) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }
}
