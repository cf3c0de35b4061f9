package io.github.pictory4j.images.client;

import java.util.Objects;

/**
 * Whose credits a budget counts: the whole application, one user, or one team. Each scope has a daily and a
 * monthly limit (see {@link BudgetSettings}) and its own usage ({@link ImageService#usage(BudgetScope)}).
 *
 * @param kind what the scope is
 * @param name the user's or team's name; empty for the application
 */
public record BudgetScope(Kind kind, String name) {

    /** The kinds of scope, each with the settings of its default limits. */
    public enum Kind {
        APPLICATION(BudgetSettings.DAILY_CREDITS, BudgetSettings.MONTHLY_CREDITS),
        USER(BudgetSettings.USER_DAILY_CREDITS, BudgetSettings.USER_MONTHLY_CREDITS),
        TEAM(BudgetSettings.TEAM_DAILY_CREDITS, BudgetSettings.TEAM_MONTHLY_CREDITS);

        private final String dailySetting;
        private final String monthlySetting;

        Kind(String dailySetting, String monthlySetting) {
            this.dailySetting = dailySetting;
            this.monthlySetting = monthlySetting;
        }

        /** The property that sets this kind's daily limit. */
        public String dailySetting() {
            return dailySetting;
        }

        /** The property that sets this kind's monthly limit. */
        public String monthlySetting() {
            return monthlySetting;
        }
    }

    private static final BudgetScope APPLICATION = new BudgetScope(Kind.APPLICATION, "");

    public BudgetScope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.APPLICATION) {
            if (name == null || !name.isEmpty()) {
                throw new IllegalArgumentException("BudgetScope.name must be empty for the application");
            }
        } else {
            Spender.requireName("BudgetScope.name", name, kind == Kind.USER ? Spender.MAX_USER : Spender.MAX_TEAM);
        }
    }

    /** The whole application's budget. */
    public static BudgetScope application() {
        return APPLICATION;
    }

    /** One user's budget. */
    public static BudgetScope user(String name) {
        return new BudgetScope(Kind.USER, name);
    }

    /** One team's budget. */
    public static BudgetScope team(String name) {
        return new BudgetScope(Kind.TEAM, name);
    }

    /** How a message names it: "the application", "user 'alice'", "team 'design'". */
    public String describe() {
        return switch (kind) {
            case APPLICATION -> "the application";
            case USER -> "user '" + name + "'";
            case TEAM -> "team '" + name + "'";
        };
    }
}
