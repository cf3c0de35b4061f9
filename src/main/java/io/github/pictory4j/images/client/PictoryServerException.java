package io.github.pictory4j.images.client;

import java.time.Duration;
import java.util.Optional;

/** 5xx: Pictory failed; its docs ask clients to retry after a brief delay. */
public class PictoryServerException extends PictoryServiceException {

    private final Duration retryAfter;

    public PictoryServerException(int status, String errorCode, String message, Duration retryAfter) {
        super(status, errorCode, message);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After} (a 503 may send one). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
