package io.github.pictory4j.images.client;

/**
 * The job store (the database of {@code pictory.store.datasource}) could not do what was asked. When
 * it happens to a submission, nothing was sent to Pictory: no credit is spent without a record.
 */
public class PictoryStoreException extends PictoryException {

    public PictoryStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The database may be back in a moment. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
