package io.github.pictory4j.images.simulator;

/** A simulator setting that cannot be used; the message names the setting, its variable and the fix. */
public class SimulatorConfigurationException extends RuntimeException {

    public SimulatorConfigurationException(String message) {
        super(message);
    }
}
