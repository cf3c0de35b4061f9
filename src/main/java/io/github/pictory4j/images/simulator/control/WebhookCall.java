package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.Objects;

/**
 * One call the simulator made to a job's webhook, and how the app answered it.
 *
 * @param status  the HTTP status the webhook answered; 0 when the call failed
 * @param failure why the call failed (the exception's class, such as {@code java.net.ConnectException}), or null
 */
public record WebhookCall(Instant at, int status, String failure) {

    public WebhookCall {
        Objects.requireNonNull(at, "at");
    }

    public static WebhookCall answered(Instant at, int status) {
        return new WebhookCall(at, status, null);
    }

    public static WebhookCall failed(Instant at, String failure) {
        return new WebhookCall(at, 0, failure);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("at", at.toString());
        return (failure == null ? json.add("status", status) : json.add("failure", failure)).build();
    }

    public static WebhookCall fromJson(JsonObject json) {
        return new WebhookCall(Instant.parse(json.getString("at")), json.getInt("status", 0), json.getString("failure", null));
    }
}
