package io.github.pictory4j.images.simulator.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the control API's JSON spells an enum constant: in lower case, words joined by hyphens
 * ({@code GET_JOB} is {@code "get-job"}, {@code COMPLETED} is {@code "completed"}, as Pictory spells
 * its statuses).
 */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} spelled {@code text}; an {@link IllegalArgumentException} names
     * {@code member} and lists the spellings there are.
     */
    static <E extends Enum<E>> E parse(Class<E> type, String member, String text) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(constant -> of(constant).equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(member + " must be one of " + Arrays.stream(constants)
                        .map(WireNames::of).collect(Collectors.joining(", ")) + ", not " + text));
    }
}
