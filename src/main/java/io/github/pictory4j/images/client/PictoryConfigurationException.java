package io.github.pictory4j.images.client;

/** The library is missing configuration it needs, or a value is unusable; the message names the key. */
public class PictoryConfigurationException extends PictoryException {

    public PictoryConfigurationException(String message) {
        super(message);
    }
}
