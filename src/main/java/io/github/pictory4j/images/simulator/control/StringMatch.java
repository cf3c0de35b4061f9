package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a recorded value is matched: {@link #equalTo}, {@link #containing} or {@link #matching} a regular
 * expression. It describes itself, for a verification's failure message, and travels as JSON
 * ({@code {"kind":"containing","value":"harbour"}}), so that the simulator matches an aimed fault with
 * this very code.
 */
public final class StringMatch implements Predicate<String> {

    /** How the value is compared; the JSON spells it {@code equal-to}, {@code containing}, {@code matching}. */
    public enum Kind { EQUAL_TO, CONTAINING, MATCHING }

    private final Kind kind;
    private final String value;
    /** Compiled once, for {@link Kind#MATCHING}; null otherwise. */
    private final Pattern regex;

    private StringMatch(Kind kind, String value) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = Objects.requireNonNull(value, "value");
        this.regex = kind == Kind.MATCHING ? Pattern.compile(value) : null;
    }

    /** The value is exactly {@code expected}. */
    public static StringMatch equalTo(String expected) {
        return new StringMatch(Kind.EQUAL_TO, Objects.requireNonNull(expected, "expected"));
    }

    /** The value contains {@code part}. */
    public static StringMatch containing(String part) {
        return new StringMatch(Kind.CONTAINING, Objects.requireNonNull(part, "part"));
    }

    /** Some part of the value matches {@code regex} (use {@code ^…$} for the whole value). */
    public static StringMatch matching(String regex) {
        return new StringMatch(Kind.MATCHING, Objects.requireNonNull(regex, "regex"));
    }

    /** Whether {@code value} matches; a missing value (null) never does. */
    @Override
    public boolean test(String candidate) {
        if (candidate == null) {
            return false;
        }
        return switch (kind) {
            case EQUAL_TO -> value.equals(candidate);
            case CONTAINING -> candidate.contains(value);
            case MATCHING -> regex.matcher(candidate).find();
        };
    }

    public Kind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    /** Adds {@code kind} and {@code value} to {@code json}. */
    JsonObjectBuilder addTo(JsonObjectBuilder json) {
        return json.add("kind", WireNames.of(kind)).add("value", value);
    }

    /** The match of {@code json}'s {@code kind} and {@code value}; {@code where} names the object in a refusal. */
    static StringMatch fromJson(JsonObject json, String where) {
        Kind kind = WireNames.parse(Kind.class, where + ".kind", JsonFields.string(json, "kind").orElseThrow(() ->
                new IllegalArgumentException(where + ".kind is required: equal-to, containing or matching")));
        String value = JsonFields.string(json, "value").orElseThrow(() ->
                new IllegalArgumentException(where + ".value is required, such as \"harbour\""));
        try {
            return new StringMatch(kind, value);
        } catch (PatternSyntaxException bad) {
            throw new IllegalArgumentException(where + ".value must be a regular expression, such as \"^A harbour\": "
                    + bad.getDescription());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StringMatch match && match.kind == kind && match.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    /** Such as {@code containing "harbour"} or {@code matching /^A harbour/}. */
    @Override
    public String toString() {
        return switch (kind) {
            case EQUAL_TO -> "equal to \"" + value + "\"";
            case CONTAINING -> "containing \"" + value + "\"";
            case MATCHING -> "matching /" + value + "/";
        };
    }
}
