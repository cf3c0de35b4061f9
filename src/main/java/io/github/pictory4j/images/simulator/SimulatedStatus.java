package io.github.pictory4j.images.simulator;

/** The states of a Pictory job, as {@code data.status} spells them. */
public enum SimulatedStatus {
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    FAILED("failed"),
    CLEANED("cleaned");

    private final String value;

    SimulatedStatus(String value) {
        this.value = value;
    }

    /** The exact string Pictory sends. */
    public String value() {
        return value;
    }

    /** Whether the job will not change any more (only such jobs can be cleaned). */
    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }
}
