package io.github.pictory4j.images.simulator.control;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How a recorded value is matched: {@link #equalTo}, {@link #containing} or {@link #matching} a regular
 * expression. It describes itself, for a verification's failure message.
 */
public final class StringMatch implements Predicate<String> {

    private final String description;
    private final Predicate<String> test;

    private StringMatch(String description, Predicate<String> test) {
        this.description = description;
        this.test = test;
    }

    /** The value is exactly {@code expected}. */
    public static StringMatch equalTo(String expected) {
        Objects.requireNonNull(expected, "expected");
        return new StringMatch("equal to \"" + expected + "\"", expected::equals);
    }

    /** The value contains {@code part}. */
    public static StringMatch containing(String part) {
        Objects.requireNonNull(part, "part");
        return new StringMatch("containing \"" + part + "\"", value -> value.contains(part));
    }

    /** Some part of the value matches {@code regex} (use {@code ^…$} for the whole value). */
    public static StringMatch matching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new StringMatch("matching /" + regex + "/", value -> pattern.matcher(value).find());
    }

    /** Whether {@code value} matches; a missing value (null) never does. */
    @Override
    public boolean test(String value) {
        return value != null && test.test(value);
    }

    @Override
    public String toString() {
        return description;
    }
}
