package io.github.pictory4j.images.sample;

import java.util.List;

/** The request body is not what the API takes (not a JSON object, a field of the wrong type). */
class InvalidBodyException extends RuntimeException {

    private final List<ErrorBody.Field> fields;

    InvalidBodyException(String message) {
        this(message, List.of());
    }

    InvalidBodyException(String message, List<ErrorBody.Field> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    List<ErrorBody.Field> fields() {
        return fields;
    }
}
