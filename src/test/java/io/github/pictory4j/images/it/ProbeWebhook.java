package io.github.pictory4j.images.it;

import io.github.pictory4j.images.client.webhook.PictoryWebhookEndpoint;
import jakarta.ws.rs.Path;

/** The probe's webhook endpoint, enabled the way the README tells apps to. */
@Path("webhook")
public class ProbeWebhook extends PictoryWebhookEndpoint {
}
