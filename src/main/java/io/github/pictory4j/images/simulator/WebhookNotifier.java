package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.WebhookCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POSTs a finished job's JSON to its webhook, as Pictory does. A callback is a courtesy: one that
 * fails or hangs is logged and forgotten, never retried, never allowed to affect the job.
 */
@ApplicationScoped
public class WebhookNotifier {

    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class.getName());

    private final Clock clock = Clock.systemUTC();

    /**
     * Sends {@code body}; waits at most {@code timeout} to connect and as long again for the answer.
     * Answers when the call started and how it ended.
     */
    public WebhookCall notify(String webhook, JsonObject body, Duration timeout) {
        Instant started = clock.instant();
        Client client = ClientBuilder.newBuilder()
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        try (Response response = client.target(webhook).request()
                .post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON_TYPE))) {
            LOG.fine(() -> "Webhook at " + where(webhook) + " answered " + response.getStatus());
            return WebhookCall.answered(started, response.getStatus());
        } catch (RuntimeException failed) {
            // Only where it went: a webhook URL's path or query may carry the app's own secret.
            LOG.log(Level.INFO, "Webhook at {0} failed: {1}", new Object[]{where(webhook), failed.getClass().getName()});
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            return WebhookCall.failed(started, cause.getClass().getName());
        } finally {
            client.close();
        }
    }

    private static String where(String webhook) {
        try {
            URI uri = URI.create(webhook);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException unreadable) {
            return "an unreadable URL";
        }
    }
}
