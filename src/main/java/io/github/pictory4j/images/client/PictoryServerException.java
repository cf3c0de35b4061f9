package io.github.pictory4j.images.client;

import java.time.Duration;

/** 5xx: Pictory failed; its docs ask clients to retry after a brief delay. A 503 may say when. */
public class PictoryServerException extends PictoryServiceException {

    public PictoryServerException(int status, String errorCode, String message, Duration retryAfter) {
        super(status, errorCode, message, retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
