package io.github.pictory4j.images.client.internal.webhooks;

import io.github.pictory4j.images.client.internal.following.JobPoller;
import io.github.pictory4j.images.client.internal.http.Failures;
import io.github.pictory4j.images.client.internal.store.CallbackBindings;
import io.github.pictory4j.images.client.internal.telemetry.EndSource;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.Traced;
import io.github.pictory4j.images.client.webhook.WebhookSupport;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what a webhook callback may do. Nothing, unless its token is genuine, unexpired and belongs
 * to the job the body names (when it names one); then it only makes the client read the job's state
 * from Pictory, in the background. The body's claims are never trusted: the state read is what ends
 * waits and fires events. Each callback is one span, until that read is done; the token is never in it.
 */
public final class WebhookCallbacks {

    private static final Logger LOG = Logger.getLogger(WebhookCallbacks.class.getName());

    private final Optional<WebhookSupport> webhooks;
    private final CallbackBindings callbacks;
    private final JobPoller poller;
    private final Clock clock;
    private final Telemetry telemetry;

    /** @param webhooks none when webhooks are off: every callback is refused */
    public WebhookCallbacks(Optional<WebhookSupport> webhooks, CallbackBindings callbacks, JobPoller poller, Clock clock, Telemetry telemetry) {
        this.webhooks = webhooks;
        this.callbacks = callbacks;
        this.poller = poller;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    /**
     * @param token        the {@code token} query parameter of the callback
     * @param claimedJobId the job id the callback's body names, or null
     * @return whether the callback was genuine (and a read of the job started)
     */
    public boolean accept(String token, String claimedJobId) {
        Traced trace = telemetry.callback();
        try (Traced.Scope in = trace.enter()) {
            Optional<String> jobId = genuine(token, claimedJobId);
            telemetry.callbackAnswered(jobId.isPresent());
            if (jobId.isEmpty()) {
                trace.refused("invalid_token");
                trace.end(null);
                return false;
            }
            trace.jobId(jobId.get());
            poller.pollOnce(jobId.get(), EndSource.WEBHOOK).whenComplete((job, failure) -> {
                if (job != null) {
                    trace.state(job);
                }
                trace.end(failure);
                if (failure != null) {
                    LOG.log(Level.WARNING, "Reading job {0} after its callback failed; polling will pick it up: {1}",
                            new Object[]{jobId.get(), Failures.translate(failure, "Reading job").getMessage()});
                }
            });
            return true;
        } catch (RuntimeException e) {
            trace.end(e);
            throw e;
        }
    }

    /** The job of a genuine callback: a valid token of this secret, bound to the job the body names (if any). */
    private Optional<String> genuine(String token, String claimedJobId) {
        Optional<String> jobId = webhooks.flatMap(hooks -> hooks.tokens().verify(token))
                .flatMap(nonce -> callbacks.jobForCallback(nonce, claimedJobId, clock.instant()));
        if (jobId.isEmpty() || (claimedJobId != null && !claimedJobId.equals(jobId.get()))) {
            return Optional.empty();
        }
        return jobId;
    }
}
