package io.github.pictory4j.images.client.internal.submission;

import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.http.Failures;
import io.github.pictory4j.images.client.internal.budget.CreditBudget;
import io.github.pictory4j.images.client.internal.http.PictoryGateway;
import io.github.pictory4j.images.client.internal.store.Submissions;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.internal.http.JobKind;
import io.github.pictory4j.images.client.internal.http.JobKinds;
import io.github.pictory4j.images.client.PictoryConnectionException;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.PictoryResponseFormatException;
import io.github.pictory4j.images.client.internal.http.RetryExecutor.Start;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.Traced;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import io.github.pictory4j.images.client.webhook.WebhookTokens;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts jobs. Each submission first reserves its price in the credit budget and is recorded in the
 * {@link Submissions}, in one step, before it is sent (if the budget has no room or the store cannot take
 * it, nothing is sent); it carries its own webhook token when webhooks are on (unless the caller chose a
 * webhook), and ends recorded as accepted with its job id, refused (its credits released), or "outcome
 * unknown" when the connection broke after Pictory may have received it (its credits stay reserved).
 * Each is one span, its retries included; what follows it (following the job) is not part of it.
 */
public final class Submitter {

    private static final Logger LOG = Logger.getLogger(Submitter.class.getName());

    /** Told of each job Pictory accepted. */
    public interface AcceptedListener {
        AcceptedListener NONE = (jobId, callsBack) -> { };

        void accepted(String jobId, boolean callsBack);
    }

    private final PictoryGateway gateway;
    private final Submissions submissions;
    private final Optional<WebhookSupport> webhooks;
    private final Clock clock;
    private final AcceptedListener onAccepted;
    private final CreditBudget budget;
    private final Telemetry telemetry;

    /** @param webhooks none for polling only */
    public Submitter(PictoryGateway gateway, Submissions submissions, Optional<WebhookSupport> webhooks, Clock clock,
                     AcceptedListener onAccepted, CreditBudget budget, Telemetry telemetry) {
        this.gateway = gateway;
        this.submissions = submissions;
        this.webhooks = webhooks;
        this.clock = clock;
        this.onAccepted = onAccepted;
        this.budget = budget;
        this.telemetry = telemetry;
    }

    /**
     * Sends the request; answers the new job's id.
     *
     * @throws io.github.pictory4j.images.client.PictoryStoreException when the submission cannot be recorded:
     *         then nothing is sent
     * @throws io.github.pictory4j.images.client.PictoryBudgetException when the budget refuses it: then
     *         nothing is sent
     */
    public CompletableFuture<String> submit(JobRequest request, Spender spender, Start start) {
        JobKind<?> kind = JobKinds.of(request); // a type this release cannot send fails before anything is done
        Traced trace = telemetry.submission(request);
        CompletableFuture<String> sent;
        try (Traced.Scope in = trace.enter()) {
            sent = send(kind, request, spender, start, trace);
        } catch (RuntimeException refused) {
            trace.end(refused);
            throw refused;
        }
        return sent;
    }

    private CompletableFuture<String> send(JobKind<?> kind, JobRequest request, Spender spender, Start start, Traced trace) {
        gateway.checkKey(); // no key: nothing is reserved, nothing is recorded, nothing is sent
        CreditReservation reservation = budget.reservationFor(request, spender);
        JobRequest sent = request;
        WebhookTokens.Issued token = null;
        if (webhooks.isPresent() && request.webhook() == null) {
            token = webhooks.get().tokens().issue();
            sent = request.withWebhook(webhooks.get().urlFor(token));
        }
        // The caller's request is recorded, not the one sent: the webhook URL sent carries a token.
        String submissionId = submissions.submissionStarting(new PendingSubmission(request, request.estimatedCredits().orElse(null),
                token == null ? null : token.nonce(), token == null ? null : token.expiresAt(), clock.instant(), reservation, spender));
        boolean callsBack = token != null;
        CompletableFuture<String> answer;
        try {
            answer = gateway.create(kind, sent, start);
        } catch (RuntimeException notSent) { // the key went missing meanwhile, say: release what was reserved
            submissions.submissionRefused(submissionId, clock.instant());
            throw notSent;
        }
        return answer.whenComplete((jobId, failure) -> {
            if (jobId != null) {
                trace.jobId(jobId);
            }
            trace.end(failure);
            // Recording the answer and following the job come after the submission, not within it.
            try (Traced.Scope after = trace.enterParent()) {
                recordAnswer(submissionId, jobId, failure, callsBack);
            }
        });
    }

    private void recordAnswer(String submissionId, String jobId, Throwable failure, boolean callsBack) {
        try {
            if (failure == null) {
                submissions.submissionAccepted(submissionId, jobId, clock.instant());
                onAccepted.accepted(jobId, callsBack);
            } else if (mayHaveBeenProcessed(failure)) {
                submissions.submissionOutcomeUnknown(submissionId, Failures.unwrap(failure).getMessage(), clock.instant());
            } else {
                submissions.submissionRefused(submissionId, clock.instant());
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
