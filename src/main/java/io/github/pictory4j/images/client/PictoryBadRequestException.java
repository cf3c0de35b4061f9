package io.github.pictory4j.images.client;

import java.util.List;

/** 400: Pictory rejected the request; {@link #fields()} says which fields and why. Never retried. */
public class PictoryBadRequestException extends PictoryServiceException {

    private final List<FieldError> fields;

    public PictoryBadRequestException(String errorCode, String message, List<FieldError> fields) {
        super(400, errorCode, message);
        this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
        return fields;
    }
}
