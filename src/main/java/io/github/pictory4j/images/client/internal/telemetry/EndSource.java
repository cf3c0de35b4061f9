package io.github.pictory4j.images.client.internal.telemetry;

import java.util.Locale;

/** How this instance learned that a job ended. */
public enum EndSource {
    /** A poll of the job's chain read it. */
    POLL,
    /** The read a webhook callback triggered. */
    WEBHOOK,
    /** A caller's own read ({@code getJob}) or a wait's last look. */
    READ,
    /** Another instance recorded it in the shared store. */
    STORE;

    /** The value of the {@code pictory.end.source} attribute. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
