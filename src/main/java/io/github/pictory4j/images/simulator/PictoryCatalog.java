package io.github.pictory4j.images.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Pictory's documented values for image generation, written out here from Pictory's API reference
 * (docs.pictory.ai, "Generate Image") rather than taken from the client: the simulator stands in for
 * Pictory, so a mistake in the client's table must make the two disagree, not be copied.
 * {@code CatalogAgreementTest} compares both tables.
 */
public final class PictoryCatalog {

    /** Every ratio Pictory names, in its documentation's order. */
    public static final List<String> ASPECT_RATIOS = List.of("1:1", "16:9", "9:16");

    /** Pictory's models with their ratios and prices; the first is Pictory's default. */
    public static final List<SimulatedModel> MODELS = List.of(
            new SimulatedModel("seedream3.0", ASPECT_RATIOS, new BigDecimal("2")),
            new SimulatedModel("flux-schnell", ASPECT_RATIOS, new BigDecimal("0.6")),
            new SimulatedModel("nanobanana", ASPECT_RATIOS, new BigDecimal("4")),
            new SimulatedModel("nanobanana-pro", ASPECT_RATIOS, new BigDecimal("14")));

    /** The model of a request that names none. */
    public static final SimulatedModel DEFAULT_MODEL = MODELS.get(0);

    public static final List<String> STYLES =
            List.of("photorealistic", "artistic", "cartoon", "minimalist", "vintage", "futuristic");

    public static final int MIN_PROMPT_LENGTH = 5;
    public static final int MAX_PROMPT_LENGTH = 5000;
    /** Pictory caps webhook URLs at 500 characters (documented for its render endpoints). */
    public static final int MAX_WEBHOOK_LENGTH = 500;
    /** Not documented by Pictory: the common practical bound for a URL, so that no request is unbounded. */
    public static final int MAX_URL_LENGTH = 2048;

    private PictoryCatalog() {
    }

    /** The model spelled exactly {@code name}, if Pictory has one. */
    public static Optional<SimulatedModel> model(String name) {
        return MODELS.stream().filter(model -> model.name().equals(name)).findFirst();
    }
}
