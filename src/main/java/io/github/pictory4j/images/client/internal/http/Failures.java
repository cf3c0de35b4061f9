package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.PictoryConnectionException;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.PictoryResponseFormatException;
import io.github.pictory4j.images.client.PictoryServiceException;
import io.github.pictory4j.images.client.PictoryTimeoutException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Translates what the JAX-RS client throws into the library's {@link PictoryException}s. */
public final class Failures {

    private Failures() {
    }

    public static PictoryException translate(Throwable failure, String operation) {
        Throwable unwrapped = unwrap(failure);
        for (Throwable cause = unwrapped; cause != null; cause = cause.getCause()) {
            if (cause instanceof PictoryException pictory) {
                return pictory;
            }
        }
        if (unwrapped instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
            return new PictoryServiceException(status, null, operation + ": Pictory answered " + status);
        }
        for (Throwable cause = unwrapped; cause != null; cause = cause.getCause()) {
            PictoryException io = fromIo(cause, operation);
            if (io != null) {
                return io;
            }
        }
        for (Throwable cause = unwrapped; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return new PictoryResponseFormatException(
                        operation + ": Pictory's answer was not the JSON expected: " + cause.getMessage(), unwrapped);
            }
        }
        if (unwrapped instanceof jakarta.ws.rs.ProcessingException) {
            // Without an I/O cause, the client failed to read the answer (no reader for an HTML page…).
            return new PictoryResponseFormatException(
                    operation + ": Pictory's answer could not be read as JSON: " + unwrapped.getMessage(), unwrapped);
        }
        return new PictoryException(operation + " failed: " + unwrapped, unwrapped);
    }

    private static PictoryException fromIo(Throwable cause, String operation) {
        if (cause instanceof HttpConnectTimeoutException || isConnectTimeout(cause)) {
            return new PictoryTimeoutException(operation + ": connecting to Pictory timed out (pictory/mp-rest/connectTimeout)",
                    false, cause);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException
                || cause instanceof TimeoutException) {
            return new PictoryTimeoutException(operation + ": Pictory did not answer in time (pictory/mp-rest/readTimeout)",
                    true, cause);
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException) {
            return new PictoryConnectionException(operation + ": cannot connect to Pictory (" + cause + ");"
                    + " check pictory/mp-rest/url (env PICTORY_MP_REST_URL)", false, cause);
        }
        if (cause instanceof IOException) {
            return new PictoryConnectionException(operation + ": the connection to Pictory broke (" + cause + ")",
                    true, cause);
        }
        return null;
    }

    private static boolean isConnectTimeout(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        return cause instanceof InterruptedIOException && message.contains("connect");
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
