package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageRequest;

/**
 * The body of {@code POST /api/images}: Pictory's request fields, as the page sends them. Unknown
 * fields are ignored. The webhook is the app's business, not the caller's, so it is not accepted here.
 */
public record ImageForm(String prompt, String model, String aspectRatio, String style, String referenceImageUrl) {

    /** The module's request; blank optional fields count as absent. Validation happens on submit. */
    ImageRequest toRequest() {
        return ImageRequest.builder(prompt).model(blankToNull(model)).aspectRatio(blankToNull(aspectRatio))
                .style(blankToNull(style)).referenceImageUrl(blankToNull(referenceImageUrl)).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
