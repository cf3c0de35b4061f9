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
     * @param resetsAt when the period ends
     */
    public record Period(String name, BigDecimal spent, BigDecimal reserved, BigDecimal limit, BigDecimal left,
                         Instant resetsAt) {
    }

    /** One day's figures. */
    public record Day(LocalDate date, BigDecimal spent, BigDecimal reserved) {
    }
}
