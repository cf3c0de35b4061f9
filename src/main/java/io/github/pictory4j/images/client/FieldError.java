package io.github.pictory4j.images.client;

/**
 * One rejected field of a request.
 *
 * @param name   the field, as Pictory names it ({@code prompt})
 * @param errors what is wrong with it
 */
public record FieldError(String name, String errors) {
}
