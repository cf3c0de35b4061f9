package io.github.pictory4j.images.client;

/**
 * Pictory's answer was not the JSON this library expects (an HTML error page from a proxy, an empty
 * body, malformed JSON). The message shows the start of what arrived.
 */
public class PictoryResponseFormatException extends PictoryException {

    public PictoryResponseFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
