package io.github.pictory4j.images.client;

/**
 * Who a submission is charged to: a user, and the team (or tenant) that user spends for, if any. Each has its
 * own budget beside the application's (see {@link BudgetSettings}); a submission reserves its price in every
 * scope it belongs to, or in none. Name one with {@link ImageService#chargedTo(Spender)}:
 *
 * <pre>{@code images.chargedTo(Spender.user("alice").team("design")).generate(request);}</pre>
 *
 * @param user the user's name, 1 to {@value #MAX_USER} characters without control characters
 * @param team the team's name, 1 to {@value #MAX_TEAM} characters without control characters, or null for none
 */
public record Spender(String user, String team) {

    /** The longest user name the job store keeps. */
    public static final int MAX_USER = 128;
    /** The longest team name the job store keeps. */
    public static final int MAX_TEAM = 64;

    public Spender {
        requireName("Spender.user", user, MAX_USER);
        if (team != null) {
            requireName("Spender.team", team, MAX_TEAM);
        }
    }

    /** A user who spends for no team. */
    public static Spender user(String user) {
        return new Spender(user, null);
    }

    /** This user, spending for {@code team}. */
    public Spender team(String team) {
        return new Spender(user, team);
    }

    /** The user's budget scope. */
    public BudgetScope userScope() {
        return BudgetScope.user(user);
    }

    /** The team's budget scope, if the spender has a team. */
    public java.util.Optional<BudgetScope> teamScope() {
        return java.util.Optional.ofNullable(team).map(BudgetScope::team);
    }

    /** Whether the store can keep {@code name} as a user's or team's: 1 to {@code max} characters, not blank, no control characters. */
    static boolean isName(String name, int max) {
        return name != null && !name.isBlank() && name.length() <= max && name.chars().noneMatch(Character::isISOControl);
    }

    static void requireName(String field, String name, int max) {
        if (!isName(name, max)) {
            throw new IllegalArgumentException(field + " must be 1 to " + max + " characters, not blank and without"
                    + " control characters: got " + (name == null ? "null" : name.length() + " characters")
                    + ". Nothing was reserved or sent.");
        }
    }
}
