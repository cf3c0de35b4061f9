package io.github.pictory4j.images.client;

import java.time.Duration;
import java.util.Optional;

/** 429: too many requests. {@link #retryAfter()} is Pictory's {@code Retry-After}, when sent. */
public class PictoryRateLimitException extends PictoryServiceException {

    private final Duration retryAfter;

    public PictoryRateLimitException(String errorCode, String message, Duration retryAfter) {
        super(429, errorCode, message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
