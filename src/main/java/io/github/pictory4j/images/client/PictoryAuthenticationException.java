package io.github.pictory4j.images.client;

/** 401 or 403: Pictory did not accept the API key (or, for 403, a proxy refused the request). */
public class PictoryAuthenticationException extends PictoryServiceException {

    public PictoryAuthenticationException(int status, String errorCode, String message) {
        super(status, errorCode, message);
    }
}
