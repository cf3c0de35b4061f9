package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/images}: Pictory's request fields, as the page sends them. Unknown
 * fields are ignored. The webhook is the app's business, not the caller's, so it is not taken here.
 */
public record ImageForm(String prompt, String model, String aspectRatio, String style, String referenceImageUrl) {

    private static final List<String> FIELDS = List.of("prompt", "model", "aspectRatio", "style", "referenceImageUrl");

    /**
     * Reads the form from a JSON object, strictly: each known field is a string, null or absent.
     *
     * @throws InvalidBodyException naming every field of another type
     */
    static ImageForm from(JsonObject json) {
        List<ErrorBody.Field> wrongTypes = new ArrayList<>();
        for (String field : FIELDS) {
            JsonValue value = json.get(field);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL && !(value instanceof JsonString)) {
                wrongTypes.add(new ErrorBody.Field(field, "must be a string, not " + value.getValueType().name().toLowerCase()));
            }
        }
        if (!wrongTypes.isEmpty()) {
            throw new InvalidBodyException("Invalid request: nothing was sent to Pictory", wrongTypes);
        }
        return new ImageForm(text(json, "prompt"), text(json, "model"), text(json, "aspectRatio"), text(json, "style"),
                text(json, "referenceImageUrl"));
    }

    private static String text(JsonObject json, String field) {
        return json.get(field) instanceof JsonString string ? string.getString() : null;
    }

    /** The module's request; blank optional fields count as absent. Validation happens on submit. */
    ImageRequest toRequest() {
        return ImageRequest.builder(prompt).model(blankToNull(model)).aspectRatio(blankToNull(aspectRatio))
                .style(blankToNull(style)).referenceImageUrl(blankToNull(referenceImageUrl)).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
