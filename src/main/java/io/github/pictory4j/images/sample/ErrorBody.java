package io.github.pictory4j.images.sample;

import java.util.List;

/**
 * Every error of the sample's API: {@code {"message": …, "fields": [{"name": …, "errors": …}]}}, the
 * shape Pictory itself uses for invalid requests.
 */
public record ErrorBody(String message, List<Field> fields) {

    public ErrorBody {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    static ErrorBody of(String message) {
        return new ErrorBody(message, List.of());
    }

    /** One rejected field. */
    public record Field(String name, String errors) {
    }
}
