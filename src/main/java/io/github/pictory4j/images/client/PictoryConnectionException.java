package io.github.pictory4j.images.client;

/**
 * Pictory could not be reached, or the connection broke. {@link #requestMayHaveBeenProcessed()} tells whether
 * the request may have been processed (the connection broke after it was sent).
 */
public class PictoryConnectionException extends PictoryException {

    private final boolean requestSent;

    public PictoryConnectionException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    /** False when the connection failed before anything was sent, so a retry cannot duplicate work. */
    public boolean requestMayHaveBeenProcessed() {
        return requestSent;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
