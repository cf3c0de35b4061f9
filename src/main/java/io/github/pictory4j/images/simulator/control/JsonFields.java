package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the members of the control API's JSON bodies. A member of the wrong type is an
 * {@link IllegalArgumentException} that names it and says what to write, which the control API
 * answers as a 400.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** {@code text} as a JSON object; {@code example} shows the caller one that would do. */
    static JsonObject object(String text, String example) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | IllegalStateException notJson) {
            // reported below
        }
        throw new IllegalArgumentException("The body must be a JSON object, such as " + example);
    }

    static Optional<String> string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw new IllegalArgumentException(name + " must be a string");
    }

    static Optional<Long> number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return Optional.of(number.longValueExact());
            } catch (ArithmeticException tooLarge) {
                // reported below
            }
        }
        throw new IllegalArgumentException(name + " must be a whole number");
    }

    static int integer(JsonObject json, String name, int fallback) {
        long value = number(json, name).orElse((long) fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " is out of range");
        }
        return (int) value;
    }

    /** A duration written as whole milliseconds, such as {@code "delayMillis": 1500}. */
    static Duration millis(JsonObject json, String name, Duration fallback) {
        return number(json, name).map(Duration::ofMillis).orElse(fallback);
    }

    /** An object of string members, such as {@code {"Retry-After": "1"}}, in name order. */
    static Map<String, String> strings(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(name + " must be an object of strings, such as {\"Retry-After\": \"1\"}");
        }
        Map<String, String> strings = new TreeMap<>();
        object.forEach((key, member) -> {
            if (!(member instanceof JsonString string)) {
                throw new IllegalArgumentException(name + "." + key + " must be a string");
            }
            strings.put(key, string.getString());
        });
        return strings;
    }

    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
