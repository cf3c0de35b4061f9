package io.github.pictory4j.images.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What was spent and is reserved, as the job store counts it: today, this month, and per day.
 *
 * @param zone  where days and months begin ({@code pictory.budget.time-zone})
 * @param today this day's figures
 * @param month this calendar month's figures
 * @param days  the last {@value #DAYS} days, oldest first, today last
 */
public record CreditUsage(ZoneId zone, Period today, Period month, List<Day> days) {

    /** Days {@link #days} covers. */
    public static final int DAYS = 14;

    public CreditUsage {
        days = List.copyOf(days);
    }

    /**
     * One period (a day or a month).
     *
     * @param name     the period: {@code 2026-01-31} or {@code 2026-01}
     * @param spent    credits settled with what Pictory reported
     * @param reserved credits held for submissions not settled yet
     * @param limit    the budget's limit, or null for none
     * @param left     what can still be reserved ({@code limit - spent - reserved}, at least 0), or null for no limit
     * @param resetsAt  when the period ends
     * @param simulated credits of submissions made while {@code pictory.budget.simulated} was on (settled and
     *                  still held together): counted apart from {@code spent} and {@code reserved}, never against
     *                  a limit
     */
    public record Period(String name, BigDecimal spent, BigDecimal reserved, BigDecimal limit, BigDecimal left,
                         Instant resetsAt, BigDecimal simulated) {

        public Period {
            simulated = simulated == null ? BigDecimal.ZERO : simulated;
        }

        /** A period without simulated credits. */
        public Period(String name, BigDecimal spent, BigDecimal reserved, BigDecimal limit, BigDecimal left,
                      Instant resetsAt) {
            this(name, spent, reserved, limit, left, resetsAt, BigDecimal.ZERO);
        }
    }

    /**
     * One day's figures.
     *
     * @param simulated the day's simulated credits (see {@link Period#simulated})
     */
    public record Day(LocalDate date, BigDecimal spent, BigDecimal reserved, BigDecimal simulated) {

        public Day {
            simulated = simulated == null ? BigDecimal.ZERO : simulated;
        }

        /** A day without simulated credits. */
        public Day(LocalDate date, BigDecimal spent, BigDecimal reserved) {
            this(date, spent, reserved, BigDecimal.ZERO);
        }
    }
}
