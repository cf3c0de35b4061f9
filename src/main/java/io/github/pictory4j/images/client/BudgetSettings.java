package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.ConfigValues;

import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The credit budget ({@code pictory.budget.*}): how many AI credits the app may spend per day and per
 * month, and, for submissions charged to a {@link Spender}, how many each user and each team may; days and
 * months counted in {@code zone}. A limit left unset is no limit; with none set, credits are still counted
 * (for {@link ImageService#usage()}) but nothing is refused. A submission must fit every limit of every scope
 * it belongs to (the application's, its user's, its team's), or nothing is reserved or sent.
 *
 * @param dailyCredits   the most credits a day ({@code pictory.budget.daily-credits}), or null for no limit
 * @param monthlyCredits the most credits a calendar month ({@code pictory.budget.monthly-credits}), or null
 * @param zone           where a day and a month begin and end ({@code pictory.budget.time-zone}, default UTC)
 * @param perUser        each user's limits ({@code pictory.budget.user.daily-credits}, {@code …monthly-credits})
 * @param perTeam        each team's limits ({@code pictory.budget.team.daily-credits}, {@code …monthly-credits})
 * @param teams          in a container, the caller's roles that are teams ({@code pictory.budget.teams}), in order:
 *                       an authenticated caller's submissions are charged to the caller and to the first of these
 *                       the caller is in
 * @param simulated      the credits are not real ({@code pictory.budget.simulated}, default false: a simulator
 *                       stands in for Pictory): each submission's credits are counted apart, as simulated, and no
 *                       limit applies to them
 */
public record BudgetSettings(BigDecimal dailyCredits, BigDecimal monthlyCredits, ZoneId zone, Limits perUser,
                             Limits perTeam, List<String> teams, boolean simulated) {

    public static final String DAILY_CREDITS = "pictory.budget.daily-credits";
    public static final String MONTHLY_CREDITS = "pictory.budget.monthly-credits";
    public static final String TIME_ZONE = "pictory.budget.time-zone";
    public static final String USER_DAILY_CREDITS = "pictory.budget.user.daily-credits";
    public static final String USER_MONTHLY_CREDITS = "pictory.budget.user.monthly-credits";
    public static final String TEAM_DAILY_CREDITS = "pictory.budget.team.daily-credits";
    public static final String TEAM_MONTHLY_CREDITS = "pictory.budget.team.monthly-credits";
    public static final String TEAMS = "pictory.budget.teams";
    public static final String SIMULATED = "pictory.budget.simulated";

    /** Days and months in UTC (by that name, as reports show it). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    /** No limit; days in UTC. */
    public static final BudgetSettings NONE = new BudgetSettings(null, null, UTC);

    /**
     * A daily and a monthly limit, either null for none.
     *
     * @param dailyCredits   the most credits a day, or null
     * @param monthlyCredits the most credits a calendar month, or null
     */
    public record Limits(@PositiveOrZero BigDecimal dailyCredits, @PositiveOrZero BigDecimal monthlyCredits) {

        /** No limit. */
        public static final Limits NONE = new Limits(null, null);

        public Limits {
            // 6 and 6.000 (as a database returns it) are the same limit.
            dailyCredits = dailyCredits == null ? null : dailyCredits.stripTrailingZeros();
            monthlyCredits = monthlyCredits == null ? null : monthlyCredits.stripTrailingZeros();
        }

        /** Whether either period has a limit. */
        public boolean any() {
            return dailyCredits != null || monthlyCredits != null;
        }
    }

    public BudgetSettings {
        requireNotNegative(DAILY_CREDITS, dailyCredits);
        requireNotNegative(MONTHLY_CREDITS, monthlyCredits);
        if (zone == null) {
            throw new PictoryConfigurationException(TIME_ZONE + " (env " + ConfigValues.environmentVariable(TIME_ZONE)
                    + ") must not be null: use a zone id such as UTC or Europe/Paris");
        }
        perUser = perUser == null ? Limits.NONE : perUser;
        perTeam = perTeam == null ? Limits.NONE : perTeam;
        requireNotNegative(USER_DAILY_CREDITS, perUser.dailyCredits());
        requireNotNegative(USER_MONTHLY_CREDITS, perUser.monthlyCredits());
        requireNotNegative(TEAM_DAILY_CREDITS, perTeam.dailyCredits());
        requireNotNegative(TEAM_MONTHLY_CREDITS, perTeam.monthlyCredits());
        teams = teams == null ? List.of() : List.copyOf(teams);
        for (String team : teams) {
            if (!Spender.isName(team, Spender.MAX_TEAM)) {
                throw ConfigValues.invalid(TEAMS, "must list team names of 1 to " + Spender.MAX_TEAM
                        + " characters, separated by commas, such as design,marketing");
            }
        }
    }

    /** The application's limits only. */
    public BudgetSettings(BigDecimal dailyCredits, BigDecimal monthlyCredits, ZoneId zone) {
        this(dailyCredits, monthlyCredits, zone, Limits.NONE, Limits.NONE, List.of());
    }

    /** Limits for the application, each user and each team; no roles are teams. */
    public BudgetSettings(BigDecimal dailyCredits, BigDecimal monthlyCredits, ZoneId zone, Limits perUser, Limits perTeam) {
        this(dailyCredits, monthlyCredits, zone, perUser, perTeam, List.of());
    }

    /** Limits for the application, each user and each team, with {@code teams} the caller's roles that are teams; real credits. */
    public BudgetSettings(BigDecimal dailyCredits, BigDecimal monthlyCredits, ZoneId zone, Limits perUser, Limits perTeam,
                          List<String> teams) {
        this(dailyCredits, monthlyCredits, zone, perUser, perTeam, teams, false);
    }

    /** A daily and a monthly limit (either may be null), in UTC. */
    public static BudgetSettings of(BigDecimal dailyCredits, BigDecimal monthlyCredits) {
        return new BudgetSettings(dailyCredits, monthlyCredits, UTC);
    }

    /** These settings, with each user limited to {@code dailyCredits} a day and {@code monthlyCredits} a month (null: none). */
    public BudgetSettings perUser(BigDecimal dailyCredits, BigDecimal monthlyCredits) {
        return new BudgetSettings(this.dailyCredits, this.monthlyCredits, zone, new Limits(dailyCredits, monthlyCredits), perTeam, teams, simulated);
    }

    /** These settings, with each team limited to {@code dailyCredits} a day and {@code monthlyCredits} a month (null: none). */
    public BudgetSettings perTeam(BigDecimal dailyCredits, BigDecimal monthlyCredits) {
        return new BudgetSettings(this.dailyCredits, this.monthlyCredits, zone, perUser, new Limits(dailyCredits, monthlyCredits), teams, simulated);
    }

    /**
     * The team a caller pays from: the first of {@link #teams()} whose role {@code inRole} says the caller has (so a
     * user in several pays from the team listed first); empty when they are in none.
     */
    public java.util.Optional<String> teamOf(java.util.function.Predicate<String> inRole) {
        return teams.stream().filter(inRole).findFirst();
    }

    /** These settings, with {@code teams} (in order) the caller's roles that are teams. */
    public BudgetSettings teams(List<String> teams) {
        return new BudgetSettings(dailyCredits, monthlyCredits, zone, perUser, perTeam, teams, simulated);
    }

    /**
     * These settings, with the credits simulated or real: while simulated (a simulator stands in for Pictory),
     * each submission's credits are counted apart and never against a limit.
     */
    public BudgetSettings simulated(boolean simulated) {
        return new BudgetSettings(dailyCredits, monthlyCredits, zone, perUser, perTeam, teams, simulated);
    }

    /** The limits of a scope of this kind. */
    public Limits limits(BudgetScope.Kind kind) {
        return switch (kind) {
            case APPLICATION -> new Limits(dailyCredits, monthlyCredits);
            case USER -> perUser;
            case TEAM -> perTeam;
        };
    }

    /** Whether the application's budget has a limit. */
    public boolean limited() {
        return dailyCredits != null || monthlyCredits != null;
    }

    public Optional<BigDecimal> daily() {
        return Optional.ofNullable(dailyCredits);
    }

    public Optional<BigDecimal> monthly() {
        return Optional.ofNullable(monthlyCredits);
    }

    private static void requireNotNegative(String key, BigDecimal credits) {
        if (credits != null && credits.signum() < 0) {
            throw ConfigValues.invalid(key, "must be 0 or more credits (or unset for no limit)");
        }
    }
}
