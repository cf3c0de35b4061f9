package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.ConfigValues;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The credit budget ({@code pictory.budget.*}): how many AI credits the app may spend per day and per
 * month, days and months counted in {@code zone}. A limit left unset is no limit; with neither set,
 * credits are still counted (for {@link ImageService#usage()}) but nothing is refused.
 *
 * @param dailyCredits   the most credits a day ({@code pictory.budget.daily-credits}), or null for no limit
 * @param monthlyCredits the most credits a calendar month ({@code pictory.budget.monthly-credits}), or null
 * @param zone           where a day and a month begin and end ({@code pictory.budget.time-zone}, default UTC)
 */
public record BudgetSettings(BigDecimal dailyCredits, BigDecimal monthlyCredits, ZoneId zone) {

    public static final String DAILY_CREDITS = "pictory.budget.daily-credits";
    public static final String MONTHLY_CREDITS = "pictory.budget.monthly-credits";
    public static final String TIME_ZONE = "pictory.budget.time-zone";

    /** Days and months in UTC (by that name, as reports show it). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    /** No limit; days in UTC. */
    public static final BudgetSettings NONE = new BudgetSettings(null, null, UTC);

    public BudgetSettings {
        requireNotNegative(DAILY_CREDITS, dailyCredits);
        requireNotNegative(MONTHLY_CREDITS, monthlyCredits);
        if (zone == null) {
            throw new PictoryConfigurationException(TIME_ZONE + " (env " + ConfigValues.environmentVariable(TIME_ZONE)
                    + ") must not be null: use a zone id such as UTC or Europe/Paris");
        }
    }

    /** A daily and a monthly limit (either may be null), in UTC. */
    public static BudgetSettings of(BigDecimal dailyCredits, BigDecimal monthlyCredits) {
        return new BudgetSettings(dailyCredits, monthlyCredits, UTC);
    }

    /** Whether any period has a limit, so that a submission can be refused. */
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
