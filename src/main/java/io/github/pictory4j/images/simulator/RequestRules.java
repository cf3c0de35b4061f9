package io.github.pictory4j.images.simulator;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.github.pictory4j.images.simulator.PictoryCatalog.MAX_PROMPT_LENGTH;
import static io.github.pictory4j.images.simulator.PictoryCatalog.MIN_PROMPT_LENGTH;

/**
 * Pictory's rules for {@code POST /v1/aistudio/images}, applied the way Pictory applies them: every
 * field is checked and each bad one reported, unknown fields are ignored, absent optional fields take
 * Pictory's defaults. The valid values are Pictory's documented ones ({@link PictoryCatalog}).
 */
public final class RequestRules {

    private RequestRules() {
    }

    /** The order in a request body, or an {@link InvalidRequestException} that names each bad field. */
    public static ImageOrder read(String body) {
        return check(parse(body));
    }

    /** The order in a parsed body (see {@link #read(String)}). */
    public static ImageOrder check(JsonObject json) {
        List<InvalidField> errors = new ArrayList<>();
        String prompt = prompt(json.get("prompt"), errors);
        String modelName = oneOf(json, "model", modelNames(), errors);
        SimulatedModel model = modelName == null ? PictoryCatalog.DEFAULT_MODEL
                : PictoryCatalog.model(modelName).orElseThrow();
        String ratio = aspectRatio(json.get("aspectRatio"), model, errors);
        String style = oneOf(json, "style", PictoryCatalog.STYLES, errors);
        String referenceImageUrl = url(json, "referenceImageUrl", PictoryCatalog.MAX_URL_LENGTH, errors);
        String webhook = url(json, "webhook", PictoryCatalog.MAX_WEBHOOK_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.INVALID_BODY, "Invalid request body: "
                    + errors.stream().map(InvalidField::name).collect(Collectors.joining(", ")), errors);
        }
        return new ImageOrder(prompt, model, ratio == null ? model.defaultAspectRatio() : ratio, style,
                referenceImageUrl, webhook);
    }

    /** Absolute http(s) with a host: a URL Pictory can fetch from or post to from anywhere. */
    static boolean isAbsoluteHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException notAUri) {
            return false;
        }
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

    private static String prompt(JsonValue value, List<InvalidField> errors) {
        if (absent(value)) {
            errors.add(new InvalidField("prompt", "is required"));
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new InvalidField("prompt", "must be a string"));
            return null;
        }
        String prompt = string.getString();
        if (prompt.isBlank()) {
            errors.add(new InvalidField("prompt", "must not be blank"));
        } else if (prompt.length() < MIN_PROMPT_LENGTH || prompt.length() > MAX_PROMPT_LENGTH) {
            errors.add(new InvalidField("prompt", "must be between " + MIN_PROMPT_LENGTH + " and " + MAX_PROMPT_LENGTH
                    + " characters long"));
        }
        return prompt;
    }

    /** A model or a style: absent is fine (null), anything else must be exactly one of {@code values}. */
    private static String oneOf(JsonObject json, String field, List<String> values, List<InvalidField> errors) {
        JsonValue value = json.get(field);
        if (absent(value)) {
            return null;
        }
        if (value instanceof JsonString string && values.contains(string.getString())) {
            return string.getString();
        }
        errors.add(new InvalidField(field, "must be one of " + String.join(", ", values)));
        return null;
    }

    /**
     * The ratio, judged against the model's ratios: the default model's when the request named none or
     * an invalid one, so that the ratio's own mistakes are reported too.
     */
    private static String aspectRatio(JsonValue value, SimulatedModel model, List<InvalidField> errors) {
        if (absent(value)) {
            return null;
        }
        String ratio = value instanceof JsonString string ? string.getString() : null;
        if (ratio != null && model.supports(ratio)) {
            return ratio;
        }
        if (ratio != null && PictoryCatalog.ASPECT_RATIOS.contains(ratio)) {
            errors.add(new InvalidField("aspectRatio", "is not supported by model " + model.name()
                    + "; supported ratios: " + String.join(", ", model.aspectRatios())));
        } else {
            errors.add(new InvalidField("aspectRatio",
                    "must be one of " + String.join(", ", PictoryCatalog.ASPECT_RATIOS)));
        }
        return null;
    }

    private static List<String> modelNames() {
        return PictoryCatalog.MODELS.stream().map(SimulatedModel::name).toList();
    }

    private static String url(JsonObject json, String field, int maxLength, List<InvalidField> errors) {
        JsonValue value = json.get(field);
        if (absent(value)) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            errors.add(new InvalidField(field, "must be a string"));
            return null;
        }
        String url = string.getString();
        if (url.length() > maxLength) {
            errors.add(new InvalidField(field, "must be at most " + maxLength + " characters long"));
        } else if (!isAbsoluteHttpUrl(url)) {
            errors.add(new InvalidField(field,
                    "must be an absolute http or https URL, such as https://example.com/image.png"));
        }
        return url;
    }

    /** JSON null counts as not sent, as it does for Pictory's optional fields. */
    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
