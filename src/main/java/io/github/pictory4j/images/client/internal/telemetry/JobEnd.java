package io.github.pictory4j.images.client.internal.telemetry;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.Spender;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A job's end as the metrics count it.
 *
 * @param job      the end Pictory reported
 * @param model    the model it was submitted with, or null when this service did not submit it
 * @param duration from the submission's record to the end's, or null when not known
 * @param charged  the credits its end settled (see {@code CreditReservation.charge}), or null when it reserved none
 * @param reads    reads of the job this instance made
 * @param source    how the end was learned
 * @param spender   who it was charged to, or null for the application alone (or when not known)
 * @param simulated its credits are a simulator's ({@code pictory.budget.simulated})
 */
public record JobEnd(ImageJob job, String model, Duration duration, BigDecimal charged, int reads, EndSource source,
                     Spender spender, boolean simulated) {

    /** An end charged to the application alone, of real credits. */
    public JobEnd(ImageJob job, String model, Duration duration, BigDecimal charged, int reads, EndSource source) {
        this(job, model, duration, charged, reads, source, null, false);
    }
}
