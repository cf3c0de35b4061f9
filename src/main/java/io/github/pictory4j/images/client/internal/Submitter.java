package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictoryConnectionException;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.PictoryResponseFormatException;
import io.github.pictory4j.images.client.internal.RetryExecutor.Start;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import io.github.pictory4j.images.client.webhook.WebhookTokens;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Starts jobs. Each submission is recorded in the {@link JobStore} before it is sent (if the store
 * cannot take it, nothing is sent), carries its own webhook token when webhooks are on (unless the
 * caller chose a webhook), and ends recorded as accepted with its job id, refused, or "outcome
 * unknown" when the connection broke after Pictory may have received it.
 */
public final class Submitter {

    private final PictoryGateway gateway;
    private final JobStore store;
    private final WebhookSupport webhooks;
    private final Clock clock;

    /** @param webhooks null for polling only */
    public Submitter(PictoryGateway gateway, JobStore store, WebhookSupport webhooks, Clock clock) {
        this.gateway = gateway;
        this.store = store;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Sends the request; answers the new job's id. */
    public CompletableFuture<String> submit(ImageRequest request, Start start) {
        gateway.checkKey(); // no key: nothing is recorded, nothing is sent
        ImageRequest sent = request;
        WebhookTokens.Issued token = null;
        if (webhooks != null && request.webhook() == null) {
            token = webhooks.tokens().issue();
            sent = request.withWebhook(webhooks.urlFor(token));
        }
        String submissionId = store.submissionStarting(new PendingSubmission(sent, sent.estimatedCredits().orElse(null),
                token == null ? null : token.nonce(), token == null ? null : token.expiresAt(), clock.instant()));
        return gateway.create(sent, start).whenComplete((jobId, failure) -> {
            if (failure == null) {
                store.submissionAccepted(submissionId, jobId, clock.instant());
            } else if (mayHaveBeenProcessed(failure)) {
                store.submissionOutcomeUnknown(submissionId, Failures.unwrap(failure).getMessage(), clock.instant());
            } else {
                store.submissionRefused(submissionId, clock.instant());
            }
        });
    }

    /** Whether Pictory may have created a job although the caller got no job id. */
    private static boolean mayHaveBeenProcessed(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof PictoryConnectionException connection) {
            return connection.requestMayHaveBeenProcessed();
        }
        // A 2xx whose body could not be read, or a stop in the middle: Pictory may have created the job.
        return cause instanceof PictoryResponseFormatException || !(cause instanceof PictoryException);
    }
}
