package io.github.pictory4j.images.simulator.standalone;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.simulator.control.SimulatorControl;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Pictory simulator in this JVM, outside any Jakarta EE server, listening on 127.0.0.1 only: point a
 * Pictory client at {@link #baseUrl()} with {@link #apiKey()}, and script it with {@link #control()}.
 *
 * <pre>{@code
 * try (PictorySimulatorServer pictory = PictorySimulatorServer.builder().jobDuration(Duration.ZERO).start()) {
 *     pictory.control().failNext(PictoryEndpoint.SUBMIT, 1, Fault.status(503));
 *     // … a client with baseUrl(pictory.baseUrl().toString()).apiKey(pictory.apiKey())
 * }
 * }</pre>
 *
 * The simulator and its HTTP runtime (RESTEasy on Undertow) are loaded apart from the class path, so they
 * never clash with the test's own libraries. Its URLs are those of the simulator in a WAR at the root
 * context: {@code http://127.0.0.1:PORT/simulator/pictoryapis}.
 */
public final class PictorySimulatorServer implements AutoCloseable {

    /** The only interface it listens on: a test's simulator is no business of the network. */
    public static final String HOST = "127.0.0.1";

    private final URI baseUrl;
    private final String apiKey;
    private final AutoCloseable stop;
    private final SimulatorControl control;

    private PictorySimulatorServer(URI baseUrl, String apiKey, AutoCloseable stop) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.stop = stop;
        this.control = SimulatorControl.at(baseUrl, apiKey);
    }

    /** A simulator on a free port, with a key of its own and the simulator's default settings. */
    public static PictorySimulatorServer start() {
        return builder().start();
    }

    /** A simulator on {@code port} (0: a free one). */
    public static PictorySimulatorServer start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL of its Pictory API, such as {@code http://127.0.0.1:41234/simulator/pictoryapis}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The key it accepts, which clients and {@link #control()} send. */
    public String apiKey() {
        return apiKey;
    }

    public int port() {
        return baseUrl.getPort();
    }

    /** Scripts it and reads back what it received. */
    public SimulatorControl control() {
        return control;
    }

    /** Stops it and frees its port. */
    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("The simulator at " + baseUrl + " did not stop cleanly: " + e, e);
        }
    }

    /** Names where it listens, never the key. */
    @Override
    public String toString() {
        return "PictorySimulatorServer[" + baseUrl + "]";
    }

    /** The settings of a simulator to start; each is a MicroProfile Config property of the simulator. */
    public static final class Builder {

        private static final String SETTINGS_PREFIX = "pictory.simulator.";

        private int port;
        private String apiKey;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /** The port to listen on; 0 (the default) for a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be from 0 (a free port) to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The key it accepts; by default a random one per start ({@code pictai_sim_…}). */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank: leave it unset for a random key");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** How long its jobs stay in progress ({@code pictory.simulator.job-duration}, 3s by default). */
        public Builder jobDuration(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            return setting(SETTINGS_PREFIX + "job-duration", duration.toMillis() + "ms");
        }

        /**
         * Any of the simulator's settings, such as {@code pictory.simulator.max-jobs} (see the test kit's
         * documentation); the key and {@code pictory.simulator.enabled} have their own methods or none.
         */
        public Builder setting(String name, String value) {
            Objects.requireNonNull(value, "value");
            if (name == null || !name.startsWith(SETTINGS_PREFIX)) {
                throw new IllegalArgumentException("setting " + name + " is not the simulator's: its settings start"
                        + " with " + SETTINGS_PREFIX + ", such as " + SETTINGS_PREFIX + "job-duration");
            }
            if (name.equals(SimulatorKeys.ENABLED) || name.equals(SimulatorKeys.API_KEY)) {
                throw new IllegalArgumentException(name + " is not a setting here: the simulator is always on, and"
                        + " apiKey(…) sets its key");
            }
            settings.put(name, value);
            return this;
        }

        /** Starts the simulator; it runs until {@link PictorySimulatorServer#close()}. */
        public PictorySimulatorServer start() {
            String key = apiKey != null ? apiKey : randomKey();
            Map<String, String> config = new LinkedHashMap<>(settings);
            config.put(SimulatorKeys.ENABLED, "true");
            config.put(SimulatorKeys.API_KEY, key);
            Map.Entry<URI, AutoCloseable> started = SimulatorRuntime.get().start(HOST, port, config);
            return new PictorySimulatorServer(started.getKey(), key, started.getValue());
        }

        private static String randomKey() {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            return "pictai_sim_" + HexFormat.of().formatHex(random);
        }
    }
}
