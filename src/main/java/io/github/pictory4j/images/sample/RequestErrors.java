package io.github.pictory4j.images.sample;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Errors of the HTTP exchange itself, as JSON like every other error of the API. */
public final class RequestErrors {

    private RequestErrors() {
    }

    static final String EXPECTED_SHAPE = "send a JSON object such as {\"prompt\": \"…\", \"model\": \"…\","
            + " \"aspectRatio\": \"…\", \"style\": \"…\", \"referenceImageUrl\": \"…\"}";
    private static final Logger LOG = Logger.getLogger(RequestErrors.class.getName());

    /** A body that is not JSON, or not of the expected shape. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
        @Override
        public jakarta.ws.rs.core.Response toResponse(ProcessingException e) {
            return unreadable(e);
        }
    }

    /**
     * Whatever no other mapper took. JSON parsing failures reach here unwrapped in some runtimes; the
     * rest is a bug, logged in full and answered without internals.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public jakarta.ws.rs.core.Response toResponse(RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonbException || cause instanceof JsonException
                        || cause instanceof RequestSizeLimit.TooLargeException) {
                    return unreadable(e);
                }
            }
            LOG.log(Level.SEVERE, "Unexpected error in the sample API", e);
            return PictoryErrors.json(500, ErrorBody.of("Internal error; the server log has the details"));
        }
    }

    /** 400, or 413 past the size cap. */
    static jakarta.ws.rs.core.Response unreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLargeException) {
                return RequestSizeLimit.tooLarge();
            }
        }
        return PictoryErrors.json(400, ErrorBody.of("The request body is not valid JSON: " + EXPECTED_SHAPE));
    }

    /** A body we understood but cannot use. */
    @Provider
    public static class InvalidBody implements ExceptionMapper<InvalidBodyException> {
        @Override
        public jakarta.ws.rs.core.Response toResponse(InvalidBodyException e) {
            return PictoryErrors.json(400, new ErrorBody(e.getMessage(), e.fields()));
        }
    }

    /** 404, 405, 406, 415 and the like, with their status kept. */
    @Provider
    public static class HttpErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public jakarta.ws.rs.core.Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400) {
                return unreadable(e); // the runtime could not read the body: not JSON, or past the size cap
            }
            String message = status == 404 && e.getMessage() != null ? e.getMessage()
                    : jakarta.ws.rs.core.Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                    : jakarta.ws.rs.core.Response.Status.fromStatusCode(status).getReasonPhrase();
            return PictoryErrors.json(status, ErrorBody.of(message));
        }
    }
}
