package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictoryValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The body of {@code POST /v1/aistudio/images} as Pictory reads it: plain strings, absent fields not sent.
 * Kept apart from the public {@link ImageRequest} so that the wire can follow Pictory without changing the
 * type applications write, and the other way round.
 */
@JsonbPropertyOrder({"prompt", "model", "aspectRatio", "style", "referenceImageUrl", "webhook"})
public record ImageJobBody(String prompt, String model, String aspectRatio, String style, String referenceImageUrl,
                           String webhook) {

    /** The body that asks for {@code request}. */
    public static ImageJobBody of(ImageRequest request) {
        return new ImageJobBody(request.prompt(), text(request.model()), text(request.aspectRatio()),
                text(request.style()), request.referenceImageUrl(), request.webhook());
    }

    private static String text(PictoryValue value) {
        return value == null ? null : value.value();
    }
}
