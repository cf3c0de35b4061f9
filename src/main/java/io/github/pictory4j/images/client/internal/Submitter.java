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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts jobs. Each submission is recorded in the {@link JobStore} before it is sent (if the store
 * cannot take it, nothing is sent), carries its own webhook token when webhooks are on (unless the
 * caller chose a webhook), and ends recorded as accepted with its job id, refused, or "outcome
 * unknown" when the connection broke after Pictory may have received it.
 */
public final class Submitter {

    private static final Logger LOG = Logger.getLogger(Submitter.class.getName());

    /** Told of each job Pictory accepted. */
    public interface AcceptedListener {
        AcceptedListener NONE = (jobId, callsBack) -> { };

        void accepted(String jobId, boolean callsBack);
    }

    private final PictoryGateway gateway;
    private final JobStore store;
    private final WebhookSupport webhooks;
    private final Clock clock;
    private final AcceptedListener onAccepted;

    /** @param webhooks null for polling only */
    public Submitter(PictoryGateway gateway, JobStore store, WebhookSupport webhooks, Clock clock,
                     AcceptedListener onAccepted) {
        this.gateway = gateway;
        this.store = store;
        this.webhooks = webhooks;
        this.clock = clock;
        this.onAccepted = onAccepted;
    }

    /**
     * Sends the request; answers the new job's id.
     *
     * @throws io.github.pictory4j.images.client.PictoryStoreException when the submission cannot be recorded:
     *         then nothing is sent
     */
    public CompletableFuture<String> submit(ImageRequest request, Start start) {
        gateway.checkKey(); // no key: nothing is recorded, nothing is sent
        ImageRequest sent = request;
        WebhookTokens.Issued token = null;
        if (webhooks != null && request.webhook() == null) {
            token = webhooks.tokens().issue();
            sent = request.withWebhook(webhooks.urlFor(token));
        }
        // The caller's request is recorded, not the one sent: the webhook URL sent carries a token.
        String submissionId = store.submissionStarting(new PendingSubmission(request, request.estimatedCredits().orElse(null),
                token == null ? null : token.nonce(), token == null ? null : token.expiresAt(), clock.instant()));
        boolean callsBack = token != null;
        return gateway.create(sent, start).whenComplete((jobId, failure) -> {
            try {
                if (failure == null) {
                    store.submissionAccepted(submissionId, jobId, clock.instant());
                    onAccepted.accepted(jobId, callsBack);
                } else if (mayHaveBeenProcessed(failure)) {
                    store.submissionOutcomeUnknown(submissionId, Failures.unwrap(failure).getMessage(), clock.instant());
                } else {
                    store.submissionRefused(submissionId, clock.instant());
                }
            } catch (PictoryException e) {
                // The caller still gets the job id (or Pictory's error); the record says "outcome unknown".
                LOG.log(Level.WARNING, "Submission " + submissionId + (failure == null ? " created job " + jobId : " failed")
                        + ", but the job store could not record it: " + e.getMessage()
                        + ". ImageService.unknownOutcomes() will list it after a restart.", e);
                if (failure == null) {
                    onAccepted.accepted(jobId, callsBack);
                }
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
