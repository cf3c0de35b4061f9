package io.github.pictory4j.images.client.internal.budget;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryBudgetExceededException;
import io.github.pictory4j.images.client.PictoryBudgetExceededException.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The credits a submission holds from before it is sent until its end is recorded, in the day and the
 * month it was submitted in. The {@link JobStore} takes them only if every limited period has room,
 * atomically with recording the submission.
 *
 * @param credits    the model's price
 * @param day        the day it counts in ({@code 2026-01-31})
 * @param month      the month it counts in ({@code 2026-01})
 * @param dayLimit   the day's limit, or null for none
 * @param monthLimit the month's limit, or null for none
 * @param dayEnds    when the day ends (for the refusal's message)
 * @param monthEnds  when the month ends
 */
public record CreditReservation(BigDecimal credits, String day, String month, BigDecimal dayLimit,
                                BigDecimal monthLimit, Instant dayEnds, Instant monthEnds) {

    public CreditReservation {
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(month, "month");
    }

    /** The refusal when {@code period} has no room: it has {@code spent} and {@code reserved} already. */
    public PictoryBudgetExceededException refused(Period period, BigDecimal spent, BigDecimal reserved) {
        boolean day = period == Period.DAY;
        return new PictoryBudgetExceededException(new PictoryBudgetExceededException.Refusal(period,
                day ? dayLimit : monthLimit, spent, reserved, credits, day ? dayEnds : monthEnds));
    }

    /**
     * What a job that reserved {@code reserved} is charged at its end: the credits Pictory reports; when it
     * reports none, nothing for a failed job (released) and the reservation for a completed or cleaned one
     * (it was made, so it was paid for).
     */
    public static BigDecimal charge(BigDecimal reserved, ImageJob end) {
        if (end.aiCreditsUsed() != null) {
            return end.aiCreditsUsed();
        }
        return end.isFailed() ? BigDecimal.ZERO : reserved;
    }
}
