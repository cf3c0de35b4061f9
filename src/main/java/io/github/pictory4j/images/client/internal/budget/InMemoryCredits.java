package io.github.pictory4j.images.client.internal.budget;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.internal.BoundedMap;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The credit periods of the in-memory store, for one JVM: a budget kept here is per instance.
 * Not thread-safe on its own: the store calls it under its lock, which makes a check and its reservation
 * one step.
 */
public final class InMemoryCredits {

    /** Periods remembered (about a year of days and months for the application and a few dozen spenders); older ones are forgotten first. */
    static final int PERIODS = 20_000;

    private final Map<String, PeriodTotals> periods = new BoundedMap<>(PERIODS);
    private final Map<BudgetScope, BudgetSettings.Limits> overrides = new HashMap<>();

    /**
     * Takes {@code reservation} in every period of every scope (with the scopes' own limits where they have
     * some), or throws without taking anything.
     */
    public void reserve(CreditReservation asked) {
        CreditReservation reservation = asked.withOverrides(overrides);
        List<CreditReservation.Hold> holds = reservation.holds();
        for (CreditReservation.Hold hold : holds) {
            PeriodTotals totals = totals(hold.name());
            if (!totals.fits(reservation.credits(), hold.limit())) {
                throw reservation.refused(hold, totals.spent(), totals.reserved());
            }
        }
        for (CreditReservation.Hold hold : holds) {
            put(totals(hold.name()).reserve(reservation.credits()));
        }
    }

    /** Ends {@code reservation}: {@code charged} is spent (zero releases it), in each period it was held in. */
    public void settle(CreditReservation reservation, BigDecimal charged) {
        for (CreditReservation.Hold hold : reservation.holds()) {
            put(totals(hold.name()).settle(reservation.credits(), charged));
        }
    }

    public void setLimits(BudgetScope scope, BudgetSettings.Limits limits) {
        overrides.put(scope, limits);
    }

    public boolean removeLimits(BudgetScope scope) {
        return overrides.remove(scope) != null;
    }

    public Map<BudgetScope, BudgetSettings.Limits> limitOverrides() {
        return Map.copyOf(overrides);
    }

    public List<PeriodTotals> totals(Collection<String> names) {
        return names.stream().filter(periods::containsKey).map(periods::get).toList();
    }

    /** See {@link io.github.pictory4j.images.client.internal.store.CreditLedger#largest}. */
    public List<PeriodTotals> largest(String prefix, String suffix, int limit) {
        return periods.values().stream()
                .filter(totals -> totals.period().startsWith(prefix) && totals.period().endsWith(suffix)
                        && totals.period().length() > prefix.length() + suffix.length() && totals.total().signum() > 0)
                .sorted(Comparator.comparing(PeriodTotals::total).reversed().thenComparing(PeriodTotals::period))
                .limit(Math.max(0, limit)).toList();
    }

    private PeriodTotals totals(String name) {
        return periods.getOrDefault(name, PeriodTotals.empty(name));
    }

    private void put(PeriodTotals totals) {
        periods.put(totals.period(), totals);
    }
}
