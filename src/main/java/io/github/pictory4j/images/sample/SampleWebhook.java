package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.webhook.PictoryWebhookEndpoint;
import jakarta.ws.rs.Path;

/** Where Pictory (or the simulator) calls this app back: {@code POST /api/pictory/webhook?token=…}. */
@Path("/pictory/webhook")
public class SampleWebhook extends PictoryWebhookEndpoint {
}
