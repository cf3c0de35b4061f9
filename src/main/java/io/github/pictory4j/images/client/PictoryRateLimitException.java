package io.github.pictory4j.images.client;

import java.time.Duration;

/** 429: too many requests. {@link #retryAfter()} is Pictory's {@code Retry-After}, when sent. */
public class PictoryRateLimitException extends PictoryServiceException {

    public PictoryRateLimitException(String errorCode, String message, Duration retryAfter) {
        super(429, errorCode, message, retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
