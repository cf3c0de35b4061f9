package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request that reached one of the simulator's Pictory endpoints, as it arrived.
 *
 * @param path        the path below the simulator's base URL, such as {@code /v1/jobs/4d82…}
 * @param query       the raw query string, or null
 * @param headers     every header but {@code Authorization}, names in lower case
 * @param key         what {@code Authorization} held, measured against the simulator's key
 * @param body        the body as text, empty when there was none (or null)
 * @param faultServed the scripted fault this request got, or null when it was answered as Pictory would
 */
public record RecordedRequest(Instant receivedAt, PictoryEndpoint endpoint, String method, String path, String query,
                              Map<String, List<String>> headers, KeyCheck key, String body, Fault faultServed) {

    public RecordedRequest {
        if (receivedAt == null || endpoint == null || method == null || path == null || key == null) {
            throw new NullPointerException("receivedAt, endpoint, method, path and key are required");
        }
        body = Objects.requireNonNullElse(body, "");
        Map<String, List<String>> lowerCase = new TreeMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Map.copyOf(lowerCase);
    }

    /** The first value of header {@code name}, whatever its case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** This request, as answered with {@code fault} (null: as Pictory would). */
    public RecordedRequest withFaultServed(Fault fault) {
        return new RecordedRequest(receivedAt, endpoint, method, path, query, headers, key, body, fault);
    }

    public boolean faulted() {
        return faultServed != null;
    }

    /**
     * The job the request is about: the id in its path ({@code /v1/jobs/{jobId}}, {@code /v1/jobs/{jobId}/clean},
     * {@code /images/{jobId}.png}); empty for a submission (its job id is in the answer) and the image list.
     */
    public Optional<String> jobId() {
        String[] segments = path.split("/");
        String id = switch (endpoint) {
            case GET_JOB, CLEAN_JOB -> segments.length > 3 && segments[2].equals("jobs") ? segments[3] : null;
            case DOWNLOAD_IMAGE -> segments.length > 2 && segments[2].endsWith(".png")
                    ? segments[2].substring(0, segments[2].length() - 4) : null;
            default -> null;
        };
        return Optional.ofNullable(id).filter(found -> !found.isEmpty())
                .map(found -> java.net.URLDecoder.decode(found, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The body as a JSON object: a submission's request fields; empty when the body is none, or not an object. */
    public Optional<JsonObject> json() {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(body))) {
            jakarta.json.JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (jakarta.json.JsonException notJson) {
            return Optional.empty();
        }
    }

    /** The body's string member {@code name} (such as {@code prompt} or {@code model}), if it has one. */
    public Optional<String> field(String name) {
        return json().map(object -> object.get(name))
                .filter(value -> value instanceof jakarta.json.JsonString)
                .map(value -> ((jakarta.json.JsonString) value).getString());
    }

    public JsonObject toJson() {
        JsonObjectBuilder headerJson = Json.createObjectBuilder();
        new TreeMap<>(headers).forEach((name, values) -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            values.forEach(array::add);
            headerJson.add(name, array);
        });
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("receivedAt", receivedAt.toString())
                .add("endpoint", WireNames.of(endpoint))
                .add("method", method)
                .add("path", path);
        if (query != null) {
            json.add("query", query);
        }
        json.add("headers", headerJson).add("key", WireNames.of(key)).add("body", body);
        if (faultServed != null) {
            json.add("fault", faultServed.toJson());
        }
        return json.build();
    }

    public static RecordedRequest fromJson(JsonObject json) {
        Map<String, List<String>> headers = new TreeMap<>();
        json.getJsonObject("headers").forEach((name, values) -> headers.put(name,
                values.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        JsonValue fault = json.get("fault");
        return new RecordedRequest(Instant.parse(json.getString("receivedAt")),
                WireNames.parse(PictoryEndpoint.class, "endpoint", json.getString("endpoint")), json.getString("method"), json.getString("path"),
                json.getString("query", null), headers, WireNames.parse(KeyCheck.class, "key", json.getString("key")), json.getString("body"),
                fault instanceof JsonObject object ? Fault.fromJson(object) : null);
    }
}
