package io.github.pictory4j.images.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An image model as Pictory documents it.
 *
 * @param name         the value of the request's {@code model} field
 * @param aspectRatios the ratios it accepts, Pictory's default for the model first
 * @param credits      the AI credits one image costs
 */
public record SimulatedModel(String name, List<String> aspectRatios, BigDecimal credits) {

    public SimulatedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credits, "credits");
        aspectRatios = List.copyOf(aspectRatios);
        if (aspectRatios.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " needs at least one aspect ratio");
        }
    }

    /** The ratio Pictory uses when a request names none: the model's first. */
    public String defaultAspectRatio() {
        return aspectRatios.get(0);
    }

    public boolean supports(String aspectRatio) {
        return aspectRatios.contains(aspectRatio);
    }
}
