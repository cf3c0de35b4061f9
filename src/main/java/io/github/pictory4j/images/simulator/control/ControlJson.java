package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;

/**
 * The control API's request bodies beyond the values they carry ({@link Fault}, {@link JobEnding},
 * {@link WebhookPlan}): both the writing, by {@link SimulatorControl}, and the reading, by the
 * simulator, so that the two cannot drift apart. A member out of its range is an
 * {@link IllegalArgumentException} that names it and the values that would do.
 */
public final class ControlJson {

    /** The most requests a fault, or jobs an ending, can be scripted for at once. */
    public static final int MAX_TIMES = 1000;
    /** The longest job duration a test can script. */
    public static final Duration MAX_JOB_DURATION = Duration.ofDays(1);

    private ControlJson() {
    }

    /** {@code text} as a JSON object (an empty body is an empty object); {@code example} is shown when it is not one. */
    public static JsonObject body(String text, String example) {
        return JsonFields.object(text, example);
    }

    /**
     * {@code POST /simulator-control/faults}: the fault's members, the pattern of the requests it is aimed
     * at, from which matching request on ({@code nth}, left out when 1) and how many get it.
     */
    public static JsonObjectBuilder faults(RequestPattern pattern, int nth, int times, Fault fault) {
        JsonObjectBuilder json = pattern.addTo(fault.toJson());
        if (nth != 1) {
            json.add("nth", nth);
        }
        return json.add("times", times);
    }

    /** {@code POST /simulator-control/next-jobs}: the ending's members and how many jobs end so. */
    public static JsonObjectBuilder nextJobs(int times, JobEnding ending) {
        return ending.toJson().add("times", times);
    }

    /** {@code PUT /simulator-control/job-duration}. */
    public static JsonObjectBuilder jobDuration(Duration duration) {
        return Json.createObjectBuilder().add("millis", duration.toMillis());
    }

    public static PictoryEndpoint endpoint(JsonObject json) {
        return WireNames.parse(PictoryEndpoint.class, "endpoint", JsonFields.string(json, "endpoint").orElseThrow(() ->
                new IllegalArgumentException("endpoint is required, such as \"submit\" or \"get-job\"")));
    }

    /** {@code times}, 1 when left out. */
    public static int times(JsonObject json) {
        int times = JsonFields.integer(json, "times", 1);
        if (times < 1 || times > MAX_TIMES) {
            throw new IllegalArgumentException("times must be from 1 to " + MAX_TIMES + ", such as 1");
        }
        return times;
    }

    /** {@code nth}, 1 (the next matching request) when left out. */
    public static int nth(JsonObject json) {
        int nth = JsonFields.integer(json, "nth", 1);
        if (nth < 1 || nth > MAX_TIMES) {
            throw new IllegalArgumentException("nth must be from 1 (the next matching request) to " + MAX_TIMES
                    + ", such as 3 (two pass, the third gets the fault)");
        }
        return nth;
    }

    public static Duration jobDuration(JsonObject json) {
        Duration duration = JsonFields.millis(json, "millis", null);
        if (duration == null || duration.isNegative() || duration.compareTo(MAX_JOB_DURATION) > 0) {
            throw new IllegalArgumentException("millis must be from 0 to " + MAX_JOB_DURATION.toMillis()
                    + " (a day), such as 1500");
        }
        return duration;
    }

    /** The body of a control API error: {@code {"message": "…"}}. */
    public static JsonObject problem(String message) {
        return Json.createObjectBuilder().add("message", message).build();
    }
}
