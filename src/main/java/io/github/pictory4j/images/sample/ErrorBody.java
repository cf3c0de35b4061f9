package io.github.pictory4j.images.sample;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every error of the sample's API: {@code {"message": …, "fields": [{"name": …, "errors": …}]}}, the
 * shape Pictory itself uses for invalid requests; a refusal by the credit budget adds {@code budget}.
 *
 * @param budget what the budget refused, or null (then absent from the JSON)
 */
public record ErrorBody(String message, List<Field> fields, Budget budget) {

    public ErrorBody {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public ErrorBody(String message, List<Field> fields) {
        this(message, fields, null);
    }

    static ErrorBody of(String message) {
        return new ErrorBody(message, List.of());
    }

    /**
     * The credit budget refused the submission: nothing was sent to Pictory.
     *
     * @param period    {@code day} or {@code month}: the period with no room
     * @param setting   the property that sets its limit
     * @param resetsAt  when the period ends (ISO-8601)
     */
    public record Budget(String period, String setting, BigDecimal limit, BigDecimal spent, BigDecimal reserved,
                         BigDecimal requested, String resetsAt) {
    }

    /** One rejected field. */
    public record Field(String name, String errors) {
    }
}
