package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Objects;

/**
 * What a job cost the simulator: how many times a client read its state ({@code GET /v1/jobs/{id}})
 * and the calls the simulator made to its webhook, and to which URL (what a test needs to replay or
 * forge a callback).
 *
 * @param status       the job's state as {@code data.status} spells it now ({@code in-progress}, {@code completed},
 *                     {@code failed}, {@code cleaned}); null from a simulator older than this field
 * @param callbacks    webhook calls started
 * @param webhook      the job's webhook URL, or null
 * @param webhookCalls the calls that have been answered (or failed), oldest first; a call in flight is
 *                     counted in {@code callbacks} but not listed yet
 */
public record JobTraffic(String jobId, String status, int reads, int callbacks, String webhook,
                         List<WebhookCall> webhookCalls) {

    public JobTraffic {
        Objects.requireNonNull(jobId, "jobId");
        webhookCalls = List.copyOf(webhookCalls);
    }

    public JsonObject toJson() {
        JsonArrayBuilder calls = Json.createArrayBuilder();
        webhookCalls.forEach(call -> calls.add(call.toJson()));
        JsonObjectBuilder json = Json.createObjectBuilder().add("jobId", jobId);
        if (status != null) {
            json.add("status", status);
        }
        json.add("reads", reads).add("callbacks", callbacks);
        if (webhook != null) {
            json.add("webhook", webhook);
        }
        return json.add("webhookCalls", calls).build();
    }

    public static JobTraffic fromJson(JsonObject json) {
        return new JobTraffic(json.getString("jobId"), json.getString("status", null), json.getInt("reads"),
                json.getInt("callbacks"), json.getString("webhook", null), json.getJsonArray("webhookCalls").getValuesAs(JsonObject.class).stream()
                .map(WebhookCall::fromJson).toList());
    }
}
