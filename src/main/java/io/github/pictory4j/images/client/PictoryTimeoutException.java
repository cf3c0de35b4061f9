package io.github.pictory4j.images.client;

/** Pictory did not answer in time (connect or read timeout, {@code pictory/mp-rest/readTimeout}). */
public class PictoryTimeoutException extends PictoryConnectionException {

    public PictoryTimeoutException(String message, boolean requestSent, Throwable cause) {
        super(message, requestSent, cause);
    }
}
