package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.FieldError;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.PictoryValue;
import io.github.pictory4j.images.client.validation.HttpUrlValidator;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pictory's rules for {@code POST /v1/aistudio/images}, applied the way Pictory applies them: every
 * field is checked and each bad one reported, unknown fields are ignored, absent optional fields take
 * Pictory's defaults. The valid values come from the client's own types, so that the simulator and the
 * client cannot disagree.
 */
public final class RequestRules {

    public static final int MIN_PROMPT_LENGTH = 5;
    public static final int MAX_PROMPT_LENGTH = 5000;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_WEBHOOK_LENGTH = 500;

    private RequestRules() {
    }

    /** The order in a request body, or an {@link InvalidRequestException} that names each bad field. */
    public static ImageOrder read(String body) {
        return check(parse(body));
    }

    /** The order in a parsed body (see {@link #read(String)}). */
    public static ImageOrder check(JsonObject json) {
        List<FieldError> errors = new ArrayList<>();
        String prompt = prompt(json.get("prompt"), errors);
        ImageModel model = known(json, "model", ImageModel.knownValues(), ImageModel::of, errors);
        AspectRatio ratio = aspectRatio(json.get("aspectRatio"), model, errors);
        ImageStyle style = known(json, "style", ImageStyle.knownValues(), ImageStyle::of, errors);
        String referenceImageUrl = url(json, "referenceImageUrl", MAX_URL_LENGTH, errors);
        String webhook = url(json, "webhook", MAX_WEBHOOK_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.INVALID_BODY, "Invalid request body: "
                    + errors.stream().map(FieldError::name).collect(Collectors.joining(", ")), errors);
        }
        ImageModel chosenModel = model == null ? ImageModel.defaultModel() : model;
        AspectRatio chosenRatio = ratio == null ? chosenModel.defaultAspectRatio().orElseThrow() : ratio;
        return new ImageOrder(prompt, chosenModel, chosenRatio, style, referenceImageUrl, webhook);
    }

    private static JsonObject parse(String body) {
        // Like a JSON body parser, no body at all reads as an empty object: "prompt is required".
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException notJson) {
            throw new InvalidRequestException(InvalidRequestException.INVALID_BODY,
                    "The request body is not valid JSON", List.of());
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new InvalidRequestException(InvalidRequestException.INVALID_BODY,
                "The request body must be a JSON object", List.of());
    }

    private static String prompt(JsonValue value, List<FieldError> errors) {
        if (absent(value)) {
            errors.add(new FieldError("prompt", "is required"));
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError("prompt", "must be a string"));
            return null;
        }
        String prompt = string.getString();
        if (prompt.isBlank()) {
            errors.add(new FieldError("prompt", "must not be blank"));
        } else if (prompt.length() < MIN_PROMPT_LENGTH || prompt.length() > MAX_PROMPT_LENGTH) {
            errors.add(new FieldError("prompt", "must be between " + MIN_PROMPT_LENGTH + " and " + MAX_PROMPT_LENGTH
                    + " characters long"));
        }
        return prompt;
    }

    /** A model or a style: absent is fine, anything else must be one of the known values. */
    private static <T extends PictoryValue> T known(JsonObject json, String field, List<T> knownValues,
                                                    Function<String, T> of, List<FieldError> errors) {
        JsonValue value = json.get(field);
        if (absent(value)) {
            return null;
        }
        T parsed = value instanceof JsonString string ? of.apply(string.getString()) : null;
        if (parsed == null || !parsed.isKnown()) {
            errors.add(new FieldError(field, "must be one of " + list(knownValues)));
            return null;
        }
        return parsed;
    }

    private static AspectRatio aspectRatio(JsonValue value, ImageModel model, List<FieldError> errors) {
        if (absent(value)) {
            return null;
        }
        AspectRatio ratio = value instanceof JsonString string ? AspectRatio.of(string.getString()) : null;
        ImageModel judge = model == null ? ImageModel.defaultModel() : model;
        if (ratio != null && judge.supports(ratio)) {
            return ratio;
        }
        if (ratio != null && ratio.isKnown()) {
            errors.add(new FieldError("aspectRatio", "is not supported by model " + judge.value()
                    + "; supported ratios: " + list(judge.supportedAspectRatios())));
        } else {
            errors.add(new FieldError("aspectRatio", "must be one of " + list(AspectRatio.knownValues())));
        }
        return null;
    }

    private static String url(JsonObject json, String field, int maxLength, List<FieldError> errors) {
        JsonValue value = json.get(field);
        if (absent(value)) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String url = string.getString();
        if (url.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters long"));
        } else if (!HttpUrlValidator.isAbsoluteHttpUrl(url)) {
            errors.add(new FieldError(field, "must be an absolute http or https URL, such as https://example.com/image.png"));
        }
        return url;
    }

    /** JSON null counts as not sent, as it does for Pictory's optional fields. */
    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private static String list(List<? extends PictoryValue> values) {
        return values.stream().map(PictoryValue::value).collect(Collectors.joining(", "));
    }
}
