package io.github.pictory4j.images.simulator;

/**
 * One field of a request that Pictory would refuse, as its 400 body lists it.
 *
 * @param name   the field, as Pictory names it ({@code prompt})
 * @param errors what is wrong with it; never the caller's input
 */
public record InvalidField(String name, String errors) {
}
