package io.github.pictory4j.images.simulator;

import java.util.List;

/**
 * A request Pictory would refuse with 400: its {@code code}, a message, and one entry per bad field.
 * The message never quotes the caller's input.
 */
public class InvalidRequestException extends RuntimeException {

    public static final String INVALID_BODY = "INVALID_REQUEST_BODY";
    public static final String INVALID_QUERY = "INVALID_REQUEST_QUERY";

    private final String code;
    private final transient List<InvalidField> fields;

    public InvalidRequestException(String code, String message, List<InvalidField> fields) {
        super(message, null, false, false);
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public String code() {
        return code;
    }

    public List<InvalidField> fields() {
        return fields;
    }
}
