package io.github.pictory4j.images.client;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a Pictory job is asked with. {@link ImageRequest} is the one kind today; the service submits,
 * prices, records, follows and reports every kind the same way, so that a new kind of paid job is a new
 * request type and its endpoint, not a new path through the module (see src/docs/using.md).
 *
 * <p>Implementations are immutable values whose Bean Validation constraints are Pictory's rules for
 * that kind; the service validates them before anything is reserved or sent.
 */
public interface JobRequest {

    /** The model the job runs on; its price is what the credit budget reserves. */
    PictoryValue model();

    /** What the job will cost, when this release knows the model's price. */
    Optional<BigDecimal> estimatedCredits();

    /** What the job is asked to make, as the user wrote it (recorded in telemetry only when allowed). */
    String prompt();

    /** The URL Pictory calls back when the job completes, when the caller chose one; else null. */
    String webhook();

    /** The same request with Pictory calling back {@code webhookUrl}. */
    JobRequest withWebhook(String webhookUrl);
}
