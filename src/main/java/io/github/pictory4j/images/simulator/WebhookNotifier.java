package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.WebhookCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POSTs a finished job's JSON to its webhook, as Pictory does. A callback is a courtesy: one that
 * fails or hangs is logged and forgotten, never retried, never allowed to affect the job.
 *
 * <p>It calls with the JDK's own HTTP client, not the runtime's JAX-RS client: the runtime's telemetry
 * instruments the latter, and would export the webhook's full URL, callback token included, in a client
 * span. Pictory's real call leaves no span in the app's runtime either.
 */
@ApplicationScoped
public class WebhookNotifier {

    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class.getName());

    private final Clock clock = Clock.systemUTC();
    /** One client for every callback: each new one starts a thread and a selector of its own. */
    private final HttpClient client = HttpClient.newHttpClient();

    /**
     * Sends {@code body}; waits at most twice {@code timeout} in all, to connect and for the answer.
     * Answers when the call started and how it ended.
     */
    public WebhookCall notify(String webhook, JsonObject body, Duration timeout) {
        Instant started = clock.instant();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(webhook)).timeout(timeout.multipliedBy(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            LOG.fine(() -> "Webhook at " + where(webhook) + " answered " + status);
            return WebhookCall.answered(started, status);
        } catch (IOException | RuntimeException failed) {
            // Only where it went: a webhook URL's path or query may carry the app's own secret.
            LOG.log(Level.INFO, "Webhook at {0} failed: {1}", new Object[]{where(webhook), failed.getClass().getName()});
            return WebhookCall.failed(started, failed.getClass().getName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return WebhookCall.failed(started, interrupted.getClass().getName());
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
