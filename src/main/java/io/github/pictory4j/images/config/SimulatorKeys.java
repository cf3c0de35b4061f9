package io.github.pictory4j.images.config;

/**
 * The simulator's configuration keys that the sample sets too. They live here, outside both packages,
 * so that the sample can switch the simulator on without importing it, and the simulator stays free of
 * the sample.
 */
public final class SimulatorKeys {

    /** Whether the simulator answers at all; while false every simulator URL is 404. */
    public static final String ENABLED = "pictory.simulator.enabled";
    /** The one key the simulator accepts in {@code Authorization}. */
    public static final String API_KEY = "pictory.simulator.api-key";
    /** The simulator's documented key, used when {@link #API_KEY} is not set. */
    public static final String DEFAULT_API_KEY = "pictai_simulator";

    private SimulatorKeys() {
    }
}
