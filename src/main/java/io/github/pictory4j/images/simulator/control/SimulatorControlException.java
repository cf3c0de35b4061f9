package io.github.pictory4j.images.simulator.control;

/** A call of the simulator's control API failed; the message says what to check. It never holds the key. */
public class SimulatorControlException extends RuntimeException {

    public SimulatorControlException(String message) {
        super(message);
    }

    public SimulatorControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
