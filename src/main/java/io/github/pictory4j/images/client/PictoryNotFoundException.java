package io.github.pictory4j.images.client;

/** 404, or Pictory's {@code JOB_NOT_FOUND}: no such job for this account. */
public class PictoryNotFoundException extends PictoryServiceException {

    public PictoryNotFoundException(int status, String errorCode, String message) {
        super(status, errorCode, message);
    }
}
