package io.github.pictory4j.images.sample;

/** The request body is not what the API takes (not JSON, not an object, a field of the wrong type). */
class InvalidBodyException extends RuntimeException {

    InvalidBodyException(String message) {
        super(message);
    }
}
