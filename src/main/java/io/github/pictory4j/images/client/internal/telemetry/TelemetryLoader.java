package io.github.pictory4j.images.client.internal.telemetry;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the telemetry: the OpenTelemetry one when the OpenTelemetry API is visible to the module (a
 * runtime with MicroProfile Telemetry, or the API on the class path), else {@link Telemetry#NONE}. The
 * implementation is loaded by name, so that no class of the module's that can be loaded without
 * OpenTelemetry refers to an OpenTelemetry type.
 */
public final class TelemetryLoader {

    private static final Logger LOG = Logger.getLogger(TelemetryLoader.class.getName());
    static final String API = "io.opentelemetry.api.OpenTelemetry";
    static final String IMPLEMENTATION = "io.github.pictory4j.images.client.internal.otel.OtelTelemetry";

    private TelemetryLoader() {
    }

    /** The runtime's telemetry (its OpenTelemetry instance), or {@link Telemetry#NONE} without one. */
    public static Telemetry load(TelemetryConfig config) {
        ClassLoader loader = TelemetryLoader.class.getClassLoader();
        try {
            Class.forName(API, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.fine("No OpenTelemetry API visible to pictory4j: no telemetry");
            return Telemetry.NONE;
        }
        try {
            return (Telemetry) Class.forName(IMPLEMENTATION, true, loader).getMethod("fromRuntime", TelemetryConfig.class)
                    .invoke(null, config);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // A partial or incompatible OpenTelemetry must not stop the client: it runs without telemetry.
            LOG.log(Level.WARNING, "pictory4j cannot use the OpenTelemetry API it found, and records no telemetry: " + e, e);
            return Telemetry.NONE;
        }
    }
}
