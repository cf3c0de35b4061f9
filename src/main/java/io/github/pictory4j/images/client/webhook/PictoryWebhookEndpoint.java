package io.github.pictory4j.images.client.webhook;

import io.github.pictory4j.images.client.ImageService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The endpoint Pictory calls back. Apps enable it with a subclass that names its path, listed in
 * their JAX-RS application, and point {@code pictory.webhook.url} at it:
 *
 * <pre>{@code
 * @Path("/pictory/webhook")
 * public class PictoryWebhook extends PictoryWebhookEndpoint { }
 * }</pre>
 *
 * <p>It answers 401 to a missing, malformed, expired or forged token, or to a token of another job,
 * and does nothing else. A genuine callback is answered 204 at once; the job's real state is then
 * read from Pictory (the body is not trusted), and the end of the job fires its event once.
 */
public abstract class PictoryWebhookEndpoint {

    /** Callbacks are small; anything larger is not Pictory's. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    ImageService images;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response callback(@QueryParam("token") String token, InputStream body) {
        String jobId = claimedJobId(body);
        if (!images.acceptCallback(token, jobId)) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(Map.of("message", "Unauthorized")).build();
        }
        if (jobId != null) {
            accepted(jobId);
        }
        return Response.noContent().build();
    }

    /**
     * A genuine callback was accepted for {@code jobId}, the job its body names (checked against its
     * token). Does nothing; a subclass may note it. The job's state is not known yet: it is being read.
     */
    protected void accepted(String jobId) {
    }

    /** The job id the body names ({@code job_id}, {@code jobId} or {@code data.jobId}), or null. */
    static String claimedJobId(InputStream body) {
        String text = readBounded(body);
        if (text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject json)) {
                return null;
            }
            String id = string(json, "job_id");
            id = id != null ? id : string(json, "jobId");
            if (id == null && json.get("data") instanceof JsonObject data) {
                id = string(data, "jobId");
                id = id != null ? id : string(data, "job_id");
            }
            return id;
        } catch (JsonException | IllegalStateException notJson) {
            return null;
        }
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static String readBounded(InputStream body) {
        if (body == null) {
            return "";
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
