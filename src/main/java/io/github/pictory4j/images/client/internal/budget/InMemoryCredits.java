package io.github.pictory4j.images.client.internal.budget;

import io.github.pictory4j.images.client.internal.BoundedMap;
import io.github.pictory4j.images.client.PictoryBudgetExceededException.Period;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The credit periods of the in-memory store, for one JVM: a budget kept here is per instance.
 * Not thread-safe on its own: the store calls it under its lock, which makes a check and its reservation
 * one step.
 */
public final class InMemoryCredits {

    /** Days and months remembered (about a year of each); older ones are forgotten first. */
    static final int PERIODS = 800;

    private final Map<String, PeriodTotals> periods = new BoundedMap<>(PERIODS);

    /** Takes {@code reservation} in its day and month, or throws without taking anything. */
    public void reserve(CreditReservation reservation) {
        PeriodTotals day = totals(reservation.day());
        PeriodTotals month = totals(reservation.month());
        if (!day.fits(reservation.credits(), reservation.dayLimit())) {
            throw reservation.refused(Period.DAY, day.spent(), day.reserved());
        }
        if (!month.fits(reservation.credits(), reservation.monthLimit())) {
            throw reservation.refused(Period.MONTH, month.spent(), month.reserved());
        }
        put(day.reserve(reservation.credits()));
        put(month.reserve(reservation.credits()));
    }

    /** Ends {@code reservation}: {@code charged} is spent (zero releases it). */
    public void settle(CreditReservation reservation, BigDecimal charged) {
        put(totals(reservation.day()).settle(reservation.credits(), charged));
        put(totals(reservation.month()).settle(reservation.credits(), charged));
    }

    public List<PeriodTotals> totals(Collection<String> names) {
        return names.stream().filter(periods::containsKey).map(periods::get).toList();
    }

    private PeriodTotals totals(String name) {
        return periods.getOrDefault(name, PeriodTotals.empty(name));
    }

    private void put(PeriodTotals totals) {
        periods.put(totals.period(), totals);
    }
}
