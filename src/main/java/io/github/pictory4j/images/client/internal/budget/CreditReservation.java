package io.github.pictory4j.images.client.internal.budget;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryBudgetExceededException;
import io.github.pictory4j.images.client.PictoryBudgetExceededException.Period;
import io.github.pictory4j.images.client.Spender;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The credits a submission holds from before it is sent until its end is recorded, in the day and the
 * month it was submitted in, in every scope it belongs to: the application's, and its spender's user and team.
 * The store takes them in every period of every scope only if each limited one has room, atomically with
 * recording the submission, or takes none.
 *
 * @param credits   the model's price
 * @param day       the day it counts in ({@code 2026-01-31})
 * @param month     the month it counts in ({@code 2026-01})
 * @param dayEnds   when the day ends (for the refusal's message)
 * @param monthEnds when the month ends
 * @param spender   who it is charged to, or null for the application alone
 * @param scopes    the limits of each scope it counts in, the application's first
 * @param simulated the credits are a simulator's ({@code pictory.budget.simulated}): held in periods of their own
 *                  ({@code simulated/…}, see {@link #periodName(BudgetScope, String, boolean)}), where no limit applies
 */
public record CreditReservation(BigDecimal credits, String day, String month, Instant dayEnds, Instant monthEnds,
                                Spender spender, List<ScopeLimits> scopes, boolean simulated) {

    /**
     * A scope's limits.
     *
     * @param dayLimit   the day's limit, or null for none
     * @param monthLimit the month's limit, or null for none
     */
    public record ScopeLimits(BudgetScope scope, BigDecimal dayLimit, BigDecimal monthLimit) {
    }

    /**
     * One period of one scope the reservation is held in.
     *
     * @param name  the period's name in the store, see {@link #periodName}
     * @param limit its limit, or null for none
     */
    public record Hold(String name, BudgetScope scope, Period period, BigDecimal limit) {
    }

    public CreditReservation {
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(month, "month");
        scopes = List.copyOf(scopes);
    }

    /** A reservation of real credits. */
    public CreditReservation(BigDecimal credits, String day, String month, Instant dayEnds, Instant monthEnds,
                             Spender spender, List<ScopeLimits> scopes) {
        this(credits, day, month, dayEnds, monthEnds, spender, scopes, false);
    }

    /**
     * The periods to take, in the order of their names: every store takes and settles them in that one order, so
     * that two transactions never wait for each other in a circle.
     */
    public List<Hold> holds() {
        List<Hold> holds = new ArrayList<>();
        for (ScopeLimits limits : scopes) {
            // Simulated credits are never held against a limit.
            holds.add(new Hold(periodName(limits.scope(), day, simulated), limits.scope(), Period.DAY,
                    simulated ? null : limits.dayLimit()));
            holds.add(new Hold(periodName(limits.scope(), month, simulated), limits.scope(), Period.MONTH,
                    simulated ? null : limits.monthLimit()));
        }
        holds.sort(Comparator.comparing(Hold::name));
        return holds;
    }

    /**
     * The names of the periods a reservation made on {@code day} and {@code month} for {@code user} and {@code team}
     * (either may be null), of simulated credits or not, is held in, in the order {@link #holds()} takes them.
     */
    public static List<String> periodNames(String day, String month, String user, String team, boolean simulated) {
        List<ScopeLimits> scopes = new ArrayList<>(List.of(new ScopeLimits(BudgetScope.application(), null, null)));
        if (user != null) {
            scopes.add(new ScopeLimits(BudgetScope.user(user), null, null));
        }
        if (team != null) {
            scopes.add(new ScopeLimits(BudgetScope.team(team), null, null));
        }
        // The same names in the same order as the reservation took: holds() is their one definition.
        return new CreditReservation(BigDecimal.ZERO, day, month, null, null, null, scopes, simulated).holds().stream()
                .map(Hold::name).toList();
    }

    /**
     * A period's name in the store: {@code 2026-01-31} and {@code 2026-01} for the application (as before there
     * were other scopes), {@code user/alice/2026-01-31}, {@code team/design/2026-01}.
     */
    public static String periodName(BudgetScope scope, String period) {
        String prefix = periodPrefix(scope.kind());
        return prefix.isEmpty() ? period : prefix + scope.name() + "/" + period;
    }

    /** What the names of a kind's periods begin with: nothing for the application, {@code user/}, {@code team/}. */
    public static String periodPrefix(BudgetScope.Kind kind) {
        return switch (kind) {
            case APPLICATION -> "";
            case USER -> "user/";
            case TEAM -> "team/";
        };
    }

    /**
     * A period's name in the store, of real credits ({@link #periodName(BudgetScope, String)}) or simulated ones:
     * {@code simulated/2026-01-31}, {@code simulated/user/alice/2026-01}. No limit check reads these names, so
     * simulated credits never count against a limit.
     */
    public static String periodName(BudgetScope scope, String period, boolean simulated) {
        return simulated ? SIMULATED + periodName(scope, period) : periodName(scope, period);
    }

    /** The prefix of the periods of simulated credits. */
    public static final String SIMULATED = "simulated/";

    /** This reservation with the scopes' own limits (see {@link #overridable()}) in place of the defaults. */
    public CreditReservation withOverrides(Map<BudgetScope, BudgetSettings.Limits> overrides) {
        if (overrides.isEmpty() || simulated) {
            return this;
        }
        List<ScopeLimits> applied = scopes.stream().map(limits -> {
            BudgetSettings.Limits own = overrides.get(limits.scope());
            return own == null ? limits : new ScopeLimits(limits.scope(), own.dailyCredits(), own.monthlyCredits());
        }).toList();
        return new CreditReservation(credits, day, month, dayEnds, monthEnds, spender, applied, simulated);
    }

    /** The scopes whose limits a user or team can have of its own: the spender's user and team (none while simulated). */
    public List<BudgetScope> overridable() {
        if (simulated) {
            return List.of(); // no limit applies: none to look up
        }
        return scopes.stream().map(ScopeLimits::scope).filter(scope -> scope.kind() != BudgetScope.Kind.APPLICATION).toList();
    }

    /** The refusal when {@code hold} has no room: it has {@code spent} and {@code reserved} already. */
    public PictoryBudgetExceededException refused(Hold hold, BigDecimal spent, BigDecimal reserved) {
        return new PictoryBudgetExceededException(new PictoryBudgetExceededException.Refusal(hold.scope(), hold.period(),
                hold.limit(), spent, reserved, credits, hold.period() == Period.DAY ? dayEnds : monthEnds));
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
