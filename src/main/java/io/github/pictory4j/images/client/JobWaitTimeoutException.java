package io.github.pictory4j.images.client;

/**
 * The job did not finish within the wait's deadline ({@code pictory.poll.timeout}). The job itself
 * goes on at Pictory; waiting again later with the same id picks it up.
 */
public class JobWaitTimeoutException extends PictoryException {

    private final ImageJob lastSeen;

    public JobWaitTimeoutException(String message, ImageJob lastSeen) {
        super(message);
        this.lastSeen = lastSeen;
    }

    /** The job as the last poll saw it. */
    public ImageJob lastSeen() {
        return lastSeen;
    }
}
