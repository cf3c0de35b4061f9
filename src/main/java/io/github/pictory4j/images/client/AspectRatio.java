package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.http.PlainStrings;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import java.util.List;

/** An image's aspect ratio, as Pictory names it ({@code "16:9"}). */
@JsonbTypeAdapter(PlainStrings.Ratio.class)
public final class AspectRatio extends PictoryValue {

    public static final AspectRatio SQUARE = new AspectRatio("1:1", true);
    public static final AspectRatio LANDSCAPE_16_9 = new AspectRatio("16:9", true);
    public static final AspectRatio PORTRAIT_9_16 = new AspectRatio("9:16", true);

    private static final List<AspectRatio> KNOWN = List.of(SQUARE, LANDSCAPE_16_9, PORTRAIT_9_16);

    private AspectRatio(String value, boolean known) {
        super(value, known);
    }

    /** The known ratio with this name, or an unknown one that keeps the string. */
    public static AspectRatio of(String value) {
        return lookup(KNOWN, value, unknown -> new AspectRatio(unknown, false));
    }

    public static List<AspectRatio> knownValues() {
        return KNOWN;
    }
}
