package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.http.PlainStrings;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A Pictory image model, with the aspect ratios it supports and what one image costs in AI credits,
 * so that an app can show the price before it spends.
 */
@JsonbTypeAdapter(PlainStrings.Model.class)
public final class ImageModel extends PictoryValue {

    private static final List<AspectRatio> STANDARD_RATIOS =
            List.of(AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16);

    public static final ImageModel SEEDREAM_3_0 = new ImageModel("seedream3.0", STANDARD_RATIOS, "2");
    public static final ImageModel FLUX_SCHNELL = new ImageModel("flux-schnell", STANDARD_RATIOS, "0.6");
    public static final ImageModel NANOBANANA = new ImageModel("nanobanana", STANDARD_RATIOS, "4");
    public static final ImageModel NANOBANANA_PRO = new ImageModel("nanobanana-pro", STANDARD_RATIOS, "14");

    private static final List<ImageModel> KNOWN = List.of(SEEDREAM_3_0, FLUX_SCHNELL, NANOBANANA, NANOBANANA_PRO);

    private final List<AspectRatio> supportedAspectRatios;
    private final BigDecimal creditsPerImage;

    private ImageModel(String value, List<AspectRatio> supportedAspectRatios, String creditsPerImage) {
        super(value, true);
        this.supportedAspectRatios = supportedAspectRatios;
        this.creditsPerImage = new BigDecimal(creditsPerImage);
    }

    private ImageModel(String unknownValue) {
        super(unknownValue, false);
        this.supportedAspectRatios = List.of();
        this.creditsPerImage = null;
    }

    /** The known model with this name, or an unknown one that keeps the string. */
    public static ImageModel of(String value) {
        return lookup(KNOWN, value, unknown -> new ImageModel(unknown));
    }

    /** The models this library knows, Pictory's default first. */
    public static List<ImageModel> knownValues() {
        return KNOWN;
    }

    /** The model Pictory uses when a request names none. */
    public static ImageModel defaultModel() {
        return SEEDREAM_3_0;
    }

    /** The ratios this model accepts, its default first; empty for an unknown model. */
    public List<AspectRatio> supportedAspectRatios() {
        return supportedAspectRatios;
    }

    public boolean supports(AspectRatio ratio) {
        return supportedAspectRatios.contains(ratio);
    }

    /** The ratio Pictory uses for this model when a request names none. */
    public Optional<AspectRatio> defaultAspectRatio() {
        return supportedAspectRatios.stream().findFirst();
    }

    /** AI credits one image costs; empty for a model this library does not know. */
    public Optional<BigDecimal> creditsPerImage() {
        return Optional.ofNullable(creditsPerImage);
    }
}
