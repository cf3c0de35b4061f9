package io.github.pictory4j.images.client;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A string-valued option of Pictory's API (a model, an aspect ratio, a style, a job status).
 *
 * <p>Pictory may add values at any time, so each type is an open set: the values this library knows
 * are constants, and a value it does not know is still representable ({@link #isKnown()} is false)
 * instead of failing to deserialize.
 */
public abstract class PictoryValue {

    private final String value;
    private final boolean known;

    protected PictoryValue(String value, boolean known) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = known;
    }

    /** The known value spelled {@code value}, or {@code unknown} of it. */
    protected static <T extends PictoryValue> T lookup(List<T> known, String value, Function<String, T> unknown) {
        for (T candidate : known) {
            if (candidate.value().equals(value)) {
                return candidate;
            }
        }
        return unknown.apply(value);
    }

    /** The exact string Pictory uses on the wire. */
    public final String value() {
        return value;
    }

    /** Whether this library knows the value (false for values Pictory added after this release). */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((PictoryValue) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), value);
    }

    @Override
    public final String toString() {
        return value;
    }
}
