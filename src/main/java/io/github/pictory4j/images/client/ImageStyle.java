package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.http.PlainStrings;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import java.util.List;

/** A visual style Pictory applies to a generated image. */
@JsonbTypeAdapter(PlainStrings.Style.class)
public final class ImageStyle extends PictoryValue {

    public static final ImageStyle PHOTOREALISTIC = new ImageStyle("photorealistic", true);
    public static final ImageStyle ARTISTIC = new ImageStyle("artistic", true);
    public static final ImageStyle CARTOON = new ImageStyle("cartoon", true);
    public static final ImageStyle MINIMALIST = new ImageStyle("minimalist", true);
    public static final ImageStyle VINTAGE = new ImageStyle("vintage", true);
    public static final ImageStyle FUTURISTIC = new ImageStyle("futuristic", true);

    private static final List<ImageStyle> KNOWN =
            List.of(PHOTOREALISTIC, ARTISTIC, CARTOON, MINIMALIST, VINTAGE, FUTURISTIC);

    private ImageStyle(String value, boolean known) {
        super(value, known);
    }

    /** The known style with this name, or an unknown one that keeps the string. */
    public static ImageStyle of(String value) {
        return lookup(KNOWN, value, unknown -> new ImageStyle(unknown, false));
    }

    public static List<ImageStyle> knownValues() {
        return KNOWN;
    }
}
