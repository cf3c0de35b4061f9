package io.github.pictory4j.images.client.internal.budget;

import java.math.BigDecimal;

/**
 * Credits counted in one period, a day ({@code 2026-01-31}) or a month ({@code 2026-01}).
 *
 * @param spent    settled: what Pictory charged the jobs that ended
 * @param reserved held by submissions not settled yet
 */
public record PeriodTotals(String period, BigDecimal spent, BigDecimal reserved) {

    /** A period nothing was counted in. */
    public static PeriodTotals empty(String period) {
        return new PeriodTotals(period, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Spent and reserved together. */
    public BigDecimal total() {
        return spent.add(reserved);
    }

    public PeriodTotals reserve(BigDecimal credits) {
        return new PeriodTotals(period, spent, reserved.add(credits));
    }

    /** {@code reservation} leaves the reserved credits, and {@code charged} joins the spent ones. */
    public PeriodTotals settle(BigDecimal reservation, BigDecimal charged) {
        return new PeriodTotals(period, spent.add(charged), reserved.subtract(reservation).max(BigDecimal.ZERO));
    }

    /** Whether {@code credits} more fit under {@code limit} (null: no limit). */
    public boolean fits(BigDecimal credits, BigDecimal limit) {
        return limit == null || total().add(credits).compareTo(limit) <= 0;
    }
}
