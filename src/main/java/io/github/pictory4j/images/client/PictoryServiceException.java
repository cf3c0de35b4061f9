package io.github.pictory4j.images.client;

import java.util.Optional;

/** Pictory answered with an error status; subclasses name the common cases. */
public class PictoryServiceException extends PictoryException {

    private final int status;
    private final String errorCode;

    public PictoryServiceException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status Pictory answered with. */
    public int status() {
        return status;
    }

    /** Pictory's own error code ({@code INVALID_REQUEST_BODY}, {@code 5000}, …), when it sent one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
