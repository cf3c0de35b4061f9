package io.github.pictory4j.images.client.internal.budget;

import io.github.pictory4j.images.client.internal.store.CreditLedger;
import io.github.pictory4j.images.client.internal.config.ConfigValues;
import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.PictoryBudgetException;
import io.github.pictory4j.images.client.ScopeUsage;
import io.github.pictory4j.images.client.Spender;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The budget's rules: which day and month a submission counts in (in {@code pictory.budget.time-zone}),
 * what it reserves, and the usage report. The store keeps the figures and takes reservations atomically;
 * this class only decides what to ask it.
 *
 * @param clock what "today" is read from
 */
public record CreditBudget(BudgetSettings settings, Clock clock) {

    /**
     * What {@code request}, charged to {@code spender} (or null for the application alone), reserves now: its
     * model's price, in today and this month, in the application's scope and the spender's user and team; null
     * when it has no price and no limit applies to it (nothing to count).
     *
     * @throws PictoryBudgetException when its price is unknown and a limit applies: it cannot be checked
     */
    public CreditReservation reservationFor(JobRequest request, Spender spender) {
        List<CreditReservation.ScopeLimits> scopes = new ArrayList<>();
        scopes.add(limitsOf(BudgetScope.application()));
        if (spender != null) {
            scopes.add(limitsOf(spender.userScope()));
            spender.teamScope().map(this::limitsOf).ifPresent(scopes::add);
        }
        BigDecimal price = request.estimatedCredits().orElse(null);
        if (price == null) {
            List<String> limits = limits(scopes);
            if (!limits.isEmpty()) {
                throw new PictoryBudgetException("The model " + (request.model() == null ? "(none)" : "'" + request.model() + "'")
                        + " has no known price, so the credit budget (" + String.join(", ", limits) + ") cannot check"
                        + " this submission: nothing was sent to Pictory. Use a model this release of pictory4j knows the"
                        + " price of, or unset those limits.");
            }
            return null;
        }
        Periods now = periods();
        return new CreditReservation(price, now.day().toString(), now.month().toString(), now.dayEnds(), now.monthEnds(),
                spender, scopes, settings.simulated());
    }

    private CreditReservation.ScopeLimits limitsOf(BudgetScope scope) {
        // Simulated credits count against no limit (so an unpriced model is not refused either).
        BudgetSettings.Limits limits = settings.simulated() ? BudgetSettings.Limits.NONE : settings.limits(scope.kind());
        return new CreditReservation.ScopeLimits(scope, limits.dailyCredits(), limits.monthlyCredits());
    }

    /** The application's spent, reserved and left today and this month, and the last {@value CreditUsage#DAYS} days. */
    public CreditUsage usage(CreditLedger credits) {
        return usage(credits, BudgetScope.application());
    }

    /** A scope's spent, reserved and left today and this month, and the last {@value CreditUsage#DAYS} days. */
    public CreditUsage usage(CreditLedger credits, BudgetScope scope) {
        Periods now = periods();
        List<LocalDate> days = new ArrayList<>();
        for (int back = CreditUsage.DAYS - 1; back >= 0; back--) {
            days.add(now.day().minusDays(back));
        }
        Function<String, String> named = period -> CreditReservation.periodName(scope, period);
        Function<String, String> simulatedNamed = period -> CreditReservation.periodName(scope, period, true);
        List<String> periods = new ArrayList<>(days.stream().map(LocalDate::toString).toList());
        periods.add(now.month().toString());
        List<String> names = new ArrayList<>(periods.stream().map(named).toList());
        names.addAll(periods.stream().map(simulatedNamed).toList());
        Map<String, PeriodTotals> totals = credits.periodTotals(names).stream()
                .collect(Collectors.toMap(PeriodTotals::period, Function.identity()));
        Function<String, PeriodTotals> of = period -> {
            PeriodTotals found = totals.getOrDefault(named.apply(period), PeriodTotals.empty(period));
            return new PeriodTotals(period, found.spent(), found.reserved()); // named as the application's are
        };
        // Simulated credits: what was settled and what is still held, together.
        Function<String, BigDecimal> simulated = period -> {
            PeriodTotals found = totals.get(simulatedNamed.apply(period));
            return found == null ? BigDecimal.ZERO : found.spent().add(found.reserved());
        };
        BudgetSettings.Limits limits = scope.kind() == BudgetScope.Kind.APPLICATION ? settings.limits(scope.kind())
                : credits.ownLimits(scope).orElse(settings.limits(scope.kind()));
        String day = now.day().toString();
        String month = now.month().toString();
        return new CreditUsage(settings.zone(),
                period(of.apply(day), limits.dailyCredits(), now.dayEnds(), simulated.apply(day)),
                period(of.apply(month), limits.monthlyCredits(), now.monthEnds(), simulated.apply(month)),
                days.stream().map(date -> {
                    PeriodTotals figures = of.apply(date.toString());
                    return new CreditUsage.Day(date, figures.spent(), figures.reserved(), simulated.apply(date.toString()));
                }).toList());
    }

    /**
     * The {@code limit} users or teams with the most credits spent and reserved this month, most first, each
     * with its usage; with {@code pictory.budget.simulated}, ranked by their simulated credits (the only ones a
     * simulator's users have).
     */
    public List<ScopeUsage> topSpenders(CreditLedger credits, BudgetScope.Kind kind, int limit) {
        if (kind == BudgetScope.Kind.APPLICATION) {
            throw new IllegalArgumentException("topSpenders.kind: rank USER or TEAM scopes; the application's usage is"
                    + " usage()");
        }
        String prefix = (settings.simulated() ? CreditReservation.SIMULATED : "") + CreditReservation.periodPrefix(kind);
        String suffix = "/" + periods().month();
        return credits.largest(prefix, suffix, limit).stream().map(totals -> {
            String name = totals.period().substring(prefix.length(), totals.period().length() - suffix.length());
            BudgetScope scope = new BudgetScope(kind, name);
            return new ScopeUsage(scope, usage(credits, scope));
        }).toList();
    }

    private static CreditUsage.Period period(PeriodTotals figures, BigDecimal limit, Instant resetsAt,
                                             BigDecimal simulated) {
        BigDecimal left = limit == null ? null
                : limit.subtract(figures.spent()).subtract(figures.reserved()).max(BigDecimal.ZERO);
        return new CreditUsage.Period(figures.period(), figures.spent(), figures.reserved(), limit, left, resetsAt,
                simulated);
    }

    /** The limits that apply, each as it is set. */
    private static List<String> limits(List<CreditReservation.ScopeLimits> scopes) {
        List<String> set = new ArrayList<>();
        for (CreditReservation.ScopeLimits limits : scopes) {
            if (limits.dayLimit() != null) {
                set.add(setting(limits.scope().kind().dailySetting(), limits.dayLimit()));
            }
            if (limits.monthLimit() != null) {
                set.add(setting(limits.scope().kind().monthlySetting(), limits.monthLimit()));
            }
        }
        return set;
    }

    /** A limit as it is set: only the settings that are, each with its environment variable. */
    private static String setting(String key, BigDecimal limit) {
        return key + "=" + limit.toPlainString() + " (env " + ConfigValues.environmentVariable(key) + ")";
    }

    private Periods periods() {
        LocalDate day = clock.instant().atZone(settings.zone()).toLocalDate();
        YearMonth month = YearMonth.from(day);
        return new Periods(day, month, day.plusDays(1).atStartOfDay(settings.zone()).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(settings.zone()).toInstant());
    }

    private record Periods(LocalDate day, YearMonth month, Instant dayEnds, Instant monthEnds) {
    }
}
