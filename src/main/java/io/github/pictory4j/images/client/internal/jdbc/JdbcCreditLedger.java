package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.internal.jdbc.Database.Null;
import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.budget.PeriodTotals;
import io.github.pictory4j.images.client.internal.store.CreditLedger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.github.pictory4j.images.client.internal.jdbc.Database.orNull;

/**
 * The credit periods in the database ({@code pictory4j_credit_period}), worked on inside the other roles'
 * transactions (the reservation with the submission's record, the settlement with the job's end). A reservation is a conditional update that only succeeds while the period has room
 * ({@code … WHERE spent + reserved + ? <= limit}): the database serialises concurrent ones on the period's
 * row, so instances sharing it can never reserve past a limit together. A reservation is held in the day and
 * the month of each of its scopes (the application's, its user's, its team's), all in one transaction; the
 * rows are always updated in the order of their names, so two transactions never wait for each other in a circle.
 */
final class JdbcCreditLedger implements CreditLedger {

    private final Database database;

    JdbcCreditLedger(Database database) {
        this.database = database;
    }

    @Override
    public List<PeriodTotals> periodTotals(Collection<String> periods) {
        return database.run("reading the credits spent and reserved", connection -> totals(connection, periods));
    }

    @Override
    public List<PeriodTotals> largest(String prefix, String suffix, int limit) {
        // The prefix and suffix are the store's own (user/, /2026-01): no LIKE wildcards to escape in them.
        return database.query("ranking the credits of " + prefix + "…" + suffix, "SELECT period, spent, reserved"
                        + " FROM pictory4j_credit_period WHERE period LIKE ? AND spent + reserved > 0"
                        + " ORDER BY spent + reserved DESC, period FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                row -> new PeriodTotals(row.getString("period"), row.getBigDecimal("spent"), row.getBigDecimal("reserved")),
                prefix + "%" + suffix);
    }

    /**
     * Takes {@code reservation} in every period of every scope, in the order of their names, or throws (and the
     * caller's transaction rolls back, so that nothing stays taken).
     */
    static void reserve(Connection connection, CreditReservation asked) throws SQLException {
        boolean postgres = Database.isPostgres(connection);
        // A user's or team's own limits, as committed now: one read, and only for a submission with a spender.
        CreditReservation reservation = asked.overridable().isEmpty() ? asked
                : asked.withOverrides(overrides(connection, asked.overridable()));
        for (CreditReservation.Hold hold : reservation.holds()) {
            take(connection, postgres, reservation, hold);
        }
    }

    /**
     * One statement per period, no savepoint. PostgreSQL: an upsert that reserves only within the limit (the
     * row is locked, and the condition checked on its latest version, so concurrent ones are serialised on it;
     * a first reservation whose price alone passes the limit inserts nothing). H2 (which has no
     * {@code ON CONFLICT … DO UPDATE}): the conditional update, and only when the period has no row yet, its
     * first row (a concurrent first one meets the unique key, and this one updates the row it made).
     */
    private static void take(Connection connection, boolean postgres, CreditReservation reservation,
                             CreditReservation.Hold hold) throws SQLException {
        BigDecimal credits = reservation.credits();
        String name = hold.name();
        BigDecimal limit = hold.limit();
        int taken;
        if (postgres) {
            taken = limit == null
                    ? Database.update(connection, "INSERT INTO pictory4j_credit_period AS p (period, spent, reserved)"
                            + " VALUES (?, 0, ?) ON CONFLICT (period) DO UPDATE SET reserved = p.reserved + EXCLUDED.reserved",
                            name, credits)
                    : Database.update(connection, "INSERT INTO pictory4j_credit_period AS p (period, spent, reserved)"
                            + " SELECT CAST(? AS VARCHAR(160)), 0, CAST(? AS NUMERIC(14, 3)) WHERE CAST(? AS NUMERIC) <= ?"
                            + " ON CONFLICT (period) DO UPDATE SET reserved = p.reserved + EXCLUDED.reserved"
                            + " WHERE p.spent + p.reserved + EXCLUDED.reserved <= ?", name, credits, credits, limit, limit);
        } else {
            taken = reserveIn(connection, name, credits, limit);
            if (taken == 0) { // no room, or no row yet: then it is made (or a concurrent first one made it)
                Database.insertUnlessDuplicate(connection, "INSERT INTO pictory4j_credit_period (period, spent, reserved)"
                        + " SELECT CAST(? AS VARCHAR(160)), 0, 0 WHERE NOT EXISTS"
                        + " (SELECT 1 FROM pictory4j_credit_period WHERE period = ?)", name, name);
                taken = reserveIn(connection, name, credits, limit);
            }
        }
        if (taken == 0) {
            PeriodTotals now = totals(connection, List.of(name)).stream().findFirst().orElse(PeriodTotals.empty(name));
            throw reservation.refused(hold, now.spent(), now.reserved());
        }
    }

    /** The conditional update of an existing period's row (H2). */
    private static int reserveIn(Connection connection, String name, BigDecimal credits, BigDecimal limit)
            throws SQLException {
        return limit == null
                ? Database.update(connection, "UPDATE pictory4j_credit_period SET reserved = reserved + ? WHERE period = ?",
                        credits, name)
                : Database.update(connection, "UPDATE pictory4j_credit_period SET reserved = reserved + ?"
                        + " WHERE period = ? AND spent + reserved + ? <= ?", credits, name, credits, limit);
    }

    @Override
    public void setLimits(BudgetScope scope, BudgetSettings.Limits limits, Instant at) {
        database.run("keeping the own limits of " + scope.describe(), connection -> {
            Object[] values = {key(scope), orNull(limits.dailyCredits(), Null.DECIMAL),
                    orNull(limits.monthlyCredits(), Null.DECIMAL), at};
            return Database.update(connection, Database.isPostgres(connection)
                    ? "INSERT INTO pictory4j_budget_limit (scope, daily_credits, monthly_credits, updated_at) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (scope) DO UPDATE SET daily_credits = EXCLUDED.daily_credits,"
                            + " monthly_credits = EXCLUDED.monthly_credits, updated_at = EXCLUDED.updated_at"
                    : "MERGE INTO pictory4j_budget_limit (scope, daily_credits, monthly_credits, updated_at) KEY (scope)"
                            + " VALUES (?, ?, ?, ?)", values);
        });
    }

    @Override
    public boolean removeLimits(BudgetScope scope) {
        return database.update("forgetting the own limits of " + scope.describe(),
                "DELETE FROM pictory4j_budget_limit WHERE scope = ?", key(scope)) > 0;
    }

    @Override
    public Optional<BudgetSettings.Limits> ownLimits(BudgetScope scope) {
        return Optional.ofNullable(database.run("reading the own limits of " + scope.describe(),
                connection -> overrides(connection, List.of(scope))).get(scope));
    }

    @Override
    public Map<BudgetScope, BudgetSettings.Limits> limitOverrides() {
        return database.run("reading the users' and teams' own limits", connection -> overrides(connection, null));
    }

    /** The own limits of {@code scopes} (null: of every scope). */
    private static Map<BudgetScope, BudgetSettings.Limits> overrides(Connection connection, List<BudgetScope> scopes)
            throws SQLException {
        String sql = "SELECT scope, daily_credits, monthly_credits FROM pictory4j_budget_limit";
        Object[] keys = {};
        if (scopes != null) {
            sql += " WHERE scope IN (" + String.join(", ", scopes.stream().map(scope -> "?").toList()) + ")";
            keys = scopes.stream().map(JdbcCreditLedger::key).toArray();
        }
        Map<BudgetScope, BudgetSettings.Limits> found = new LinkedHashMap<>();
        for (Map.Entry<BudgetScope, BudgetSettings.Limits> row : Database.query(connection, sql, limits -> Map.entry(
                scope(limits.getString("scope")), new BudgetSettings.Limits(limits.getBigDecimal("daily_credits"),
                        limits.getBigDecimal("monthly_credits"))), keys)) {
            found.put(row.getKey(), row.getValue());
        }
        return found;
    }

    /** A scope's key in {@code pictory4j_budget_limit}: {@code user/alice}, {@code team/design}. */
    private static String key(BudgetScope scope) {
        return scope.kind().name().toLowerCase(Locale.ROOT) + "/" + scope.name();
    }

    private static BudgetScope scope(String key) {
        int slash = key.indexOf('/');
        return new BudgetScope(BudgetScope.Kind.valueOf(key.substring(0, slash).toUpperCase(Locale.ROOT)),
                key.substring(slash + 1));
    }

    /** The columns of a job row that say what it holds, for {@link #held}. */
    static final String HELD = "reserved_credits, credit_day, credit_month, credits_simulated, spender_user, spender_team";

    /**
     * What a job row holds, read from the columns {@link #HELD}; null when it holds nothing. A row of simulated
     * credits holds them in the simulated periods, as it reserved them.
     */
    static Held held(ResultSet row) throws SQLException {
        BigDecimal reserved = row.getBigDecimal("reserved_credits");
        return reserved == null ? null : new Held(reserved, CreditReservation.periodNames(row.getString("credit_day"),
                row.getString("credit_month"), row.getString("spender_user"), row.getString("spender_team"),
                row.getBoolean("credits_simulated")));
    }

    /**
     * Ends the reservation of the job row {@code where} selects (a no-op when it holds none, or was settled):
     * {@code charge} says what is spent of it.
     */
    static void settle(Connection connection, String where, Object key, Charge charge) throws SQLException {
        Optional<Held> held = Database.first(connection, "SELECT " + HELD + " FROM pictory4j_job"
                + " WHERE " + where + " AND reserved_credits IS NOT NULL", JdbcCreditLedger::held, key);
        if (held.isEmpty()) {
            return;
        }
        settle(connection, held.get(), charge);
        Database.update(connection, "UPDATE pictory4j_job SET reserved_credits = NULL WHERE " + where, key);
    }

    /**
     * Ends a reservation in every period it is held in (in the order reservations take them): {@code charge}
     * says what is spent of it. The caller clears the job row's reservation in the same transaction.
     */
    static void settle(Connection connection, Held held, Charge charge) throws SQLException {
        Object[] parameters = settleParameters(held, charge);
        for (int part = 0; part < held.periods().size(); part++) {
            Database.update(connection, SETTLE, Arrays.copyOfRange(parameters, part * 4, part * 4 + 4));
        }
    }

    private static final String SETTLE = "UPDATE pictory4j_credit_period SET reserved = CASE WHEN reserved > ? THEN"
            + " reserved - ? ELSE 0 END, spent = spent + ? WHERE period = ?";

    /** The parameters of each period's settlement, in order. */
    static Object[] settleParameters(Held held, Charge charge) {
        BigDecimal charged = charge.of(held.reserved());
        List<Object> parameters = new ArrayList<>();
        for (String period : held.periods()) {
            parameters.addAll(List.of(held.reserved(), held.reserved(), charged, period));
        }
        return parameters.toArray();
    }

    /**
     * PostgreSQL: the {@code WITH} parts that settle {@code held} in each of its periods only when the part
     * {@code gate} (which ends the job's row and clears its reservation) changed a row, so that the end and
     * the settlement are one statement (atomic without a transaction). Each part reads the one before it, so
     * the periods are updated in the order reservations take them and no two statements wait for each other
     * in a circle. Their parameters are {@link #settleParameters}.
     */
    static String settlingAfter(String gate, Held held) {
        StringBuilder parts = new StringBuilder();
        for (int part = 0; part < held.periods().size(); part++) {
            parts.append(", settled").append(part).append(" AS (").append(SETTLE).append(" AND EXISTS (SELECT 1 FROM ")
                    .append(gate).append(")");
            if (part > 0) {
                parts.append(" AND (SELECT COUNT(*) FROM settled").append(part - 1).append(") >= 0");
            }
            parts.append(" RETURNING 1)");
        }
        return parts.toString();
    }

    /** What a job row is charged at its end, from what it reserved. */
    @FunctionalInterface
    interface Charge {
        BigDecimal of(BigDecimal reserved);

        /** Nothing: the reservation is released. */
        Charge NOTHING = reserved -> BigDecimal.ZERO;

        static Charge endOf(ImageJob end) {
            return reserved -> CreditReservation.charge(reserved, end);
        }
    }

    static List<PeriodTotals> totals(Connection connection, Collection<String> periods) throws SQLException {
        if (periods.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", periods.stream().map(period -> "?").toList());
        return Database.query(connection, "SELECT period, spent, reserved FROM pictory4j_credit_period WHERE period IN ("
                        + marks + ")", row -> new PeriodTotals(row.getString("period"), row.getBigDecimal("spent"),
                        row.getBigDecimal("reserved")), periods.toArray());
    }

    /**
     * A job row's reservation.
     *
     * @param periods the names of the periods it is held in, in the order reservations take them
     */
    record Held(BigDecimal reserved, List<String> periods) {
    }
}
