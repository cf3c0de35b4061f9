package io.github.pictory4j.images.sample;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;

/** Invalid input: 400 naming each field (the last node of the violation's path) and its rule. */
@Provider
public class ValidationErrors implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ErrorBody.Field> fields = e.getConstraintViolations().stream()
                .map(v -> new ErrorBody.Field(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(ErrorBody.Field::name))
                .toList();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("Invalid request: nothing was sent to Pictory", fields)).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String name = "request";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
