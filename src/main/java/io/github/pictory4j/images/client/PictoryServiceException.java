package io.github.pictory4j.images.client;

import java.time.Duration;
import java.util.Optional;

/** Pictory answered with an error status; subclasses name the common cases. */
public class PictoryServiceException extends PictoryException {

    private final int status;
    private final String errorCode;
    private final Duration retryAfter;

    public PictoryServiceException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    protected PictoryServiceException(int status, String errorCode, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** How long Pictory asked clients to wait ({@code Retry-After}), when it did (429, 503). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
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
