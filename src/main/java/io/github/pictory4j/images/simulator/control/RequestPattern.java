package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests a verification counts, or an aimed fault hits: an endpoint, narrowed by what the request
 * carried. Immutable: each {@code with…} answers a new pattern. It travels as JSON ({@link #addTo}), so
 * that the simulator matches a fault's pattern with this same code as a test's verification does.
 *
 * <pre>{@code simulator.verify(submissions().withPrompt(containing("harbour")).withModel("flux-schnell")).times(2);}</pre>
 */
public final class RequestPattern {

    /** What of a request a condition looks at; the JSON's {@code on} spells it {@code field}, {@code job-id}, {@code header}. */
    enum Subject { FIELD, JOB_ID, HEADER }

    /**
     * One condition: the value it tests (a body field or header called {@code name}, or the job id) and how.
     */
    private record Condition(Subject on, String name, StringMatch match) {

        Optional<String> value(RecordedRequest request) {
            return switch (on) {
                case FIELD -> request.field(name);
                case JOB_ID -> request.jobId();
                case HEADER -> request.header(name);
            };
        }

        boolean test(RecordedRequest request) {
            return match.test(value(request).orElse(null));
        }

        /** As a failure message names it: {@code prompt}, {@code job id}, {@code header X-Test}. */
        String label() {
            return switch (on) {
                case FIELD -> name;
                case JOB_ID -> "job id";
                case HEADER -> "header " + name;
            };
        }

        JsonObject toJson() {
            JsonObjectBuilder json = Json.createObjectBuilder().add("on", WireNames.of(on));
            if (on != Subject.JOB_ID) {
                json.add("name", name);
            }
            return match.addTo(json).build();
        }

        static Condition fromJson(JsonObject json, String where) {
            Subject on = WireNames.parse(Subject.class, where + ".on", JsonFields.string(json, "on").orElseThrow(() ->
                    new IllegalArgumentException(where + ".on is required: field, job-id or header")));
            String name = on == Subject.JOB_ID ? null : JsonFields.string(json, "name").orElseThrow(() ->
                    new IllegalArgumentException(where + ".name is required for a " + WireNames.of(on)
                            + ", such as \"prompt\" or \"X-Test\""));
            return new Condition(on, name, StringMatch.fromJson(json, where));
        }
    }

    private final PictoryEndpoint endpoint;
    private final List<Condition> conditions;

    private RequestPattern(PictoryEndpoint endpoint, List<Condition> conditions) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.conditions = List.copyOf(conditions);
    }

    /** Requests of {@code endpoint}. */
    public static RequestPattern requestsTo(PictoryEndpoint endpoint) {
        return new RequestPattern(endpoint, List.of());
    }

    /** Submissions ({@code POST /v1/aistudio/images}). */
    public static RequestPattern submissions() {
        return requestsTo(PictoryEndpoint.SUBMIT);
    }

    /** Reads of a job's state ({@code GET /v1/jobs/{jobId}}). */
    public static RequestPattern jobReads() {
        return requestsTo(PictoryEndpoint.GET_JOB);
    }

    /** Requests whose body's {@code prompt} matches. */
    public RequestPattern withPrompt(StringMatch prompt) {
        return withField("prompt", prompt);
    }

    /** Requests whose body's {@code model} is {@code model}. */
    public RequestPattern withModel(String model) {
        return withField("model", StringMatch.equalTo(model));
    }

    /** Requests whose body's string member {@code name} matches. */
    public RequestPattern withField(String name, StringMatch value) {
        return with(new Condition(Subject.FIELD, Objects.requireNonNull(name, "name"), value));
    }

    /** Requests about job {@code jobId} (its id in the path). */
    public RequestPattern withJobId(String jobId) {
        return with(new Condition(Subject.JOB_ID, null, StringMatch.equalTo(jobId)));
    }

    /** Requests with header {@code name} (any case) whose first value matches. */
    public RequestPattern withHeader(String name, StringMatch value) {
        return with(new Condition(Subject.HEADER, Objects.requireNonNull(name, "name"), value));
    }

    private RequestPattern with(Condition condition) {
        Objects.requireNonNull(condition.match(), "match");
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return new RequestPattern(endpoint, more);
    }

    public PictoryEndpoint endpoint() {
        return endpoint;
    }

    /** Whether {@code request} is one of these. */
    public boolean matches(RecordedRequest request) {
        return request.endpoint() == endpoint && conditions.stream().allMatch(condition -> condition.test(request));
    }

    /** How many of the conditions {@code request} meets, -1 for another endpoint: how near a miss it is. */
    int nearness(RecordedRequest request) {
        return request.endpoint() != endpoint ? -1
                : (int) conditions.stream().filter(condition -> condition.test(request)).count();
    }

    /** What {@code request} carried for each condition it fails, such as {@code prompt "A lighthouse"}. */
    String misses(RecordedRequest request) {
        List<String> misses = new ArrayList<>();
        for (Condition condition : conditions) {
            if (!condition.test(request)) {
                misses.add(condition.label() + " " + condition.value(request).map(found -> "\"" + found + "\"")
                        .orElse("(none)"));
            }
        }
        return String.join(", ", misses);
    }

    /**
     * Adds the pattern's members to a control API body: {@code endpoint}, and {@code match} when it has
     * conditions, such as {@code [{"on":"field","name":"prompt","kind":"containing","value":"harbour"}]}.
     */
    public JsonObjectBuilder addTo(JsonObjectBuilder json) {
        json.add("endpoint", WireNames.of(endpoint));
        if (!conditions.isEmpty()) {
            JsonArrayBuilder match = Json.createArrayBuilder();
            conditions.forEach(condition -> match.add(condition.toJson()));
            json.add("match", match);
        }
        return json;
    }

    /** The pattern of a control API body's {@code endpoint} and {@code match} (every request of the endpoint without it). */
    public static RequestPattern fromJson(JsonObject json) {
        RequestPattern pattern = requestsTo(ControlJson.endpoint(json));
        JsonValue match = json.get("match");
        if (match == null || match.getValueType() == JsonValue.ValueType.NULL) {
            return pattern;
        }
        if (!(match instanceof JsonArray conditions)) {
            throw new IllegalArgumentException("match must be an array of conditions, such as "
                    + "[{\"on\":\"field\",\"name\":\"prompt\",\"kind\":\"containing\",\"value\":\"harbour\"}]");
        }
        for (int i = 0; i < conditions.size(); i++) {
            String where = "match[" + i + "]";
            if (!(conditions.get(i) instanceof JsonObject condition)) {
                throw new IllegalArgumentException(where + " must be an object, such as {\"on\":\"job-id\","
                        + "\"kind\":\"equal-to\",\"value\":\"…\"}");
            }
            pattern = pattern.with(Condition.fromJson(condition, where));
        }
        return pattern;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestPattern pattern && pattern.endpoint == endpoint
                && pattern.conditions.equals(conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, conditions);
    }

    /** Such as {@code SUBMIT requests with prompt containing "harbour" and model equal to "flux-schnell"}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(endpoint + " requests");
        for (int i = 0; i < conditions.size(); i++) {
            text.append(i == 0 ? " with " : " and ").append(conditions.get(i).label()).append(' ')
                    .append(conditions.get(i).match());
        }
        return text.toString();
    }
}
