package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.client.PictoryException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/** Reports what the service threw (type and message, or the violations), for the test to assert. */
@Provider
public class ConsumerErrors implements ExceptionMapper<RuntimeException> {

    /** Needed beside the general mapper: each runtime's own validation mapper is closer to the type. */
    @Provider
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException violations) {
            List<Map<String, String>> found = violations.getConstraintViolations().stream()
                    .map(v -> Map.of("path", v.getPropertyPath().toString(), "message", v.getMessage())).toList();
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("type", "ConstraintViolationException", "violations", found)).build();
        }
    }

    @Override
    public Response toResponse(RuntimeException thrown) {
        Throwable e = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (e instanceof ConstraintViolationException violations) {
            return new Violations().toResponse(violations);
        }
        int status = e instanceof PictoryException ? 502 : 500;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("type", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage()))).build();
    }
}
