package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.webhook.PictoryWebhookEndpoint;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Where Pictory (or the simulator) calls this app back: {@code POST /api/pictory/webhook?token=…}. The
 * module's endpoint decides; the sample only notes in its ledger which instance took each genuine
 * callback (with several instances, any may).
 */
@Path("/pictory/webhook")
public class SampleWebhook extends PictoryWebhookEndpoint {

    /** As the module's endpoint reads it: callbacks are small. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    EventLedger ledger;

    @Override
    public Response callback(String token, InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES);
        } catch (IOException e) {
            bytes = new byte[0];
        }
        Response answer = super.callback(token, new ByteArrayInputStream(bytes));
        if (answer.getStatus() == Response.Status.NO_CONTENT.getStatusCode()) {
            String jobId = jobId(new String(bytes, StandardCharsets.UTF_8));
            if (jobId != null) {
                ledger.record(jobId, "callback");
            }
        }
        return answer;
    }

    private static String jobId(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject callback = reader.readObject();
            return callback.getString("job_id", null);
        } catch (JsonException | IllegalStateException | ClassCastException notJson) {
            return null;
        }
    }
}
