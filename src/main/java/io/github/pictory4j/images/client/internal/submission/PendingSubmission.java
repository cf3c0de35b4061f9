package io.github.pictory4j.images.client.internal.submission;

import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.Spender;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A submission about to be sent to Pictory, as the {@link io.github.pictory4j.images.client.internal.store.Submissions} records it first.
 *
 * @param request          the request as the caller made it (a webhook URL the service adds is not in it:
 *                         it carries a token)
 * @param estimatedCredits what it will cost, when the model's price is known; else null
 * @param webhookNonce     the nonce of its callback token, or null when the service issued none
 * @param webhookExpiresAt when that token stops being accepted, or null
 * @param createdAt        when it was recorded
 * @param reservation      the credits it holds until its end is recorded, or null when it holds none
 * @param spender          who it is charged to, or null for the application alone
 */
public record PendingSubmission(JobRequest request, BigDecimal estimatedCredits, String webhookNonce,
                                Instant webhookExpiresAt, Instant createdAt, CreditReservation reservation,
                                Spender spender) {

    public PendingSubmission {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A submission that reserves nothing. */
    public PendingSubmission(JobRequest request, BigDecimal estimatedCredits, String webhookNonce,
                             Instant webhookExpiresAt, Instant createdAt) {
        this(request, estimatedCredits, webhookNonce, webhookExpiresAt, createdAt, null, null);
    }
}
