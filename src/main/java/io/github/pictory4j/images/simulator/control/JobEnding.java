package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;


/**
 * How a simulated job ends: {@code completed} with its image, {@code failed} with Pictory's
 * {@code error_code} and {@code error_message}, or {@code cleaned} (its outputs gone); and when: after
 * the job's duration, or, for a stateful scenario, at its n-th read ({@link #afterReads}).
 *
 * @param errorCode    only for {@link Outcome#FAILED}; may be null there too, as Pictory may send none
 * @param errorMessage only for {@link Outcome#FAILED}; may be null
 * @param afterReads   0: the job ends after its duration; n: it ignores the clock, reads 1 to n-1 of its
 *                     state ({@code GET /v1/jobs/{id}}) say {@code in-progress}, and the n-th says how it
 *                     ended (its webhook is called then)
 */
public record JobEnding(Outcome outcome, String errorCode, String errorMessage, int afterReads) {

    /** The most reads a job can be scripted to wait for. */
    public static final int MAX_READS = 1000;

    /** The end states of a Pictory job; the control API's JSON spells them as {@code data.status} does. */
    public enum Outcome {
        COMPLETED,
        FAILED,
        CLEANED
    }

    public JobEnding {
        if (outcome == null) {
            throw new IllegalArgumentException("status is required: completed, failed or cleaned");
        }
        if (outcome != Outcome.FAILED && (errorCode != null || errorMessage != null)) {
            throw new IllegalArgumentException("errorCode and errorMessage are for a failed job only, not a "
                    + WireNames.of(outcome) + " one");
        }
        if (afterReads < 0 || afterReads > MAX_READS) {
            throw new IllegalArgumentException("afterReads must be from 0 (end after the job's duration) to "
                    + MAX_READS + ", such as 2 (the first read says in-progress, the second the end)");
        }
    }

    /** An ending after the job's duration. */
    public JobEnding(Outcome outcome, String errorCode, String errorMessage) {
        this(outcome, errorCode, errorMessage, 0);
    }

    public static JobEnding completed() {
        return new JobEnding(Outcome.COMPLETED, null, null);
    }

    /** Ends {@code failed}, with what Pictory reports as {@code error_code} and {@code error_message}. */
    public static JobEnding failed(String errorCode, String errorMessage) {
        return new JobEnding(Outcome.FAILED, errorCode, errorMessage);
    }

    public static JobEnding cleaned() {
        return new JobEnding(Outcome.CLEANED, null, null);
    }

    /**
     * This ending, reached at the job's {@code reads}-th read instead of after its duration, whatever the
     * clock says: {@code completed().afterReads(2)} makes the first read say {@code in-progress} and the
     * second {@code completed}. For {@link SimulatorControl#endNextJobs}; a job that nobody reads stays in
     * progress.
     */
    public JobEnding afterReads(int reads) {
        if (reads < 1) {
            throw new IllegalArgumentException("afterReads must be at least 1, such as 2");
        }
        return new JobEnding(outcome, errorCode, errorMessage, reads);
    }

    /** Whether the job's reads, not its duration, end it. */
    public boolean endsOnRead() {
        return afterReads > 0;
    }

    public JsonObjectBuilder toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("status", WireNames.of(outcome));
        if (errorCode != null) {
            json.add("errorCode", errorCode);
        }
        if (errorMessage != null) {
            json.add("errorMessage", errorMessage);
        }
        if (afterReads > 0) {
            json.add("afterReads", afterReads);
        }
        return json;
    }

    public static JobEnding fromJson(JsonObject json) {
        Outcome outcome = WireNames.parse(Outcome.class, "status", JsonFields.string(json, "status").orElseThrow(() ->
                new IllegalArgumentException("status is required: completed, failed or cleaned")));
        return new JobEnding(outcome, JsonFields.string(json, "errorCode").orElse(null),
                JsonFields.string(json, "errorMessage").orElse(null), JsonFields.integer(json, "afterReads", 0));
    }
}
