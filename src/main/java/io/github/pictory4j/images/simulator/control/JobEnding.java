package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;


/**
 * How a simulated job ends: {@code completed} with its image, {@code failed} with Pictory's
 * {@code error_code} and {@code error_message}, or {@code cleaned} (its outputs gone).
 *
 * @param errorCode    only for {@link Outcome#FAILED}; may be null there too, as Pictory may send none
 * @param errorMessage only for {@link Outcome#FAILED}; may be null
 */
public record JobEnding(Outcome outcome, String errorCode, String errorMessage) {

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

    public JsonObjectBuilder toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("status", WireNames.of(outcome));
        if (errorCode != null) {
            json.add("errorCode", errorCode);
        }
        if (errorMessage != null) {
            json.add("errorMessage", errorMessage);
        }
        return json;
    }

    public static JobEnding fromJson(JsonObject json) {
        Outcome outcome = WireNames.parse(Outcome.class, "status", JsonFields.string(json, "status").orElseThrow(() ->
                new IllegalArgumentException("status is required: completed, failed or cleaned")));
        return new JobEnding(outcome, JsonFields.string(json, "errorCode").orElse(null),
                JsonFields.string(json, "errorMessage").orElse(null));
    }
}
