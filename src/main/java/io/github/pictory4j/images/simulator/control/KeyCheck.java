package io.github.pictory4j.images.simulator.control;

/**
 * What a recorded request's {@code Authorization} header held, measured against the simulator's key.
 * The key itself is never recorded: a test can assert that its app sent the right key without the
 * key showing up in a report.
 */
public enum KeyCheck {
    /** Exactly the simulator's key, raw, as Pictory wants it. */
    ACCEPTED,
    /** Something else: another key, or the key with a {@code Bearer} prefix. */
    REFUSED,
    /** No {@code Authorization} header. */
    ABSENT
}
