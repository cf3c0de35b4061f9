package io.github.pictory4j.images.client.internal.telemetry;

import io.github.pictory4j.images.client.ImageJob;

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
 * @param source   how the end was learned
 */
public record JobEnd(ImageJob job, String model, Duration duration, BigDecimal charged, int reads, EndSource source) {
}
