package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.webhook.PictoryWebhookEndpoint;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/**
 * Where Pictory (or the simulator) calls this app back: {@code POST /api/pictory/webhook?token=…}. The
 * module's endpoint decides; the sample only notes in its ledger which instance took each genuine
 * callback (with several instances, any may).
 */
@Path("/pictory/webhook")
public class SampleWebhook extends PictoryWebhookEndpoint {

    @Inject
    EventLedger ledger;

    @Override
    protected void accepted(String jobId) {
        ledger.record(jobId, "callback");
    }
}
