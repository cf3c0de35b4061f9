package io.github.pictory4j.images.simulator.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which recorded requests a verification counts: an endpoint, narrowed by what the request carried.
 * Immutable: each {@code with…} answers a new pattern.
 *
 * <pre>{@code simulator.verify(submissions().withPrompt(containing("harbour")).withModel("flux-schnell")).times(2);}</pre>
 */
public final class RequestPattern {

    /** One condition: what it says, and the recorded value it tests (empty when the request has none). */
    private record Condition(String name, StringMatch match, Function<RecordedRequest, Optional<String>> value) {
        boolean test(RecordedRequest request) {
            return match.test(value.apply(request).orElse(null));
        }
    }

    private final PictoryEndpoint endpoint;
    private final List<Condition> conditions;

    private RequestPattern(PictoryEndpoint endpoint, List<Condition> conditions) {
        this.endpoint = endpoint;
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
        return with("prompt", prompt, request -> request.field("prompt"));
    }

    /** Requests whose body's {@code model} is {@code model}. */
    public RequestPattern withModel(String model) {
        return with("model", StringMatch.equalTo(model), request -> request.field("model"));
    }

    /** Requests whose body's string member {@code name} matches. */
    public RequestPattern withField(String name, StringMatch value) {
        return with(name, value, request -> request.field(name));
    }

    /** Requests about job {@code jobId} (its id in the path). */
    public RequestPattern withJobId(String jobId) {
        return with("job id", StringMatch.equalTo(jobId), RecordedRequest::jobId);
    }

    /** Requests with header {@code name} (any case) whose first value matches. */
    public RequestPattern withHeader(String name, StringMatch value) {
        return with("header " + name, value, request -> request.header(name));
    }

    private RequestPattern with(String name, StringMatch match, Function<RecordedRequest, Optional<String>> value) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(new Condition(name, match, value));
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
                misses.add(condition.name() + " " + condition.value().apply(request).map(found -> "\"" + found + "\"")
                        .orElse("(none)"));
            }
        }
        return String.join(", ", misses);
    }

    /** Such as {@code SUBMIT requests with prompt containing "harbour" and model equal to "flux-schnell"}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(endpoint + " requests");
        for (int i = 0; i < conditions.size(); i++) {
            text.append(i == 0 ? " with " : " and ").append(conditions.get(i).name()).append(' ')
                    .append(conditions.get(i).match());
        }
        return text.toString();
    }
}
