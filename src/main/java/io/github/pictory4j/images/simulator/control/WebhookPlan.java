package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;

/**
 * What the simulator does with a job's webhook when the job ends: call it once at once (as Pictory
 * does), not at all, several times, or late. Jobs keep the plan in force when they were submitted.
 *
 * @param calls how many calls, one after the other: 0 skips the webhook, 2 repeats it
 * @param delay how long after the job's end the first call is made
 */
public record WebhookPlan(int calls, Duration delay) {

    public static final int MAX_CALLS = 10;
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);

    /** Pictory's way: one call, when the job ends. */
    public static final WebhookPlan NORMAL = new WebhookPlan(1, Duration.ZERO);

    public WebhookPlan {
        if (calls < 0 || calls > MAX_CALLS) {
            throw new IllegalArgumentException("calls must be from 0 (skip the webhook) to " + MAX_CALLS
                    + ", such as 2 (call it twice)");
        }
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("delayMillis must be from 0 to " + MAX_DELAY.toMillis() + ", such as 2000");
        }
    }

    public static WebhookPlan skipped() {
        return new WebhookPlan(0, Duration.ZERO);
    }

    public static WebhookPlan twice() {
        return new WebhookPlan(2, Duration.ZERO);
    }

    /** One call, {@code delay} after the job ended. */
    public static WebhookPlan late(Duration delay) {
        return new WebhookPlan(1, delay);
    }

    public JsonObjectBuilder toJson() {
        return Json.createObjectBuilder().add("calls", calls).add("delayMillis", delay.toMillis());
    }

    /** The plan {@code json} describes; what it leaves out is {@link #NORMAL}'s. */
    public static WebhookPlan fromJson(JsonObject json) {
        return new WebhookPlan(JsonFields.integer(json, "calls", NORMAL.calls()),
                JsonFields.millis(json, "delayMillis", NORMAL.delay()));
    }
}
