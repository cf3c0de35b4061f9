package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the simulator accepted, with Pictory's defaults filled in.
 *
 * @param aspectRatio       one of the model's ratios, as Pictory spells it ({@code "16:9"})
 * @param style             optional, null when not asked for
 * @param referenceImageUrl optional, null when not given
 * @param webhook           optional, null when not given
 */
public record ImageOrder(String prompt, SimulatedModel model, String aspectRatio, String style,
                         String referenceImageUrl, String webhook) {

    /** What a prompt contains to make its job fail, so that apps can rehearse failures. */
    public static final String FAIL_MARKER = "[fail]";
    static final String FAILED_MESSAGE = "The simulator failed this job because its prompt contains " + FAIL_MARKER;

    public ImageOrder {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
    }

    /** Whether the job ends {@code failed}: its prompt holds {@value #FAIL_MARKER}, in any case. */
    public boolean fails() {
        return prompt.toLowerCase(Locale.ROOT).contains(FAIL_MARKER);
    }

    /** How Pictory would end the job: failed for a prompt with {@value #FAIL_MARKER}, else completed. */
    public JobEnding ending() {
        return fails() ? JobEnding.failed(PictoryJson.FAILED_CODE, FAILED_MESSAGE) : JobEnding.completed();
    }

    /** What Pictory charges for the image. */
    public BigDecimal credits() {
        return model.credits();
    }

    public Optional<String> webhookUrl() {
        return Optional.ofNullable(webhook);
    }
}
