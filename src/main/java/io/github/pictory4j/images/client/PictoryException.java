package io.github.pictory4j.images.client;

/** The root of every error this library throws. Unchecked, like the JAX-RS client's own. */
public class PictoryException extends RuntimeException {

    public PictoryException(String message) {
        super(message);
    }

    public PictoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether sending the same request again may succeed (I/O trouble, rate limits, server errors).
     * {@link ImageService} already retried such failures before throwing.
     */
    public boolean isTransient() {
        return false;
    }
}
