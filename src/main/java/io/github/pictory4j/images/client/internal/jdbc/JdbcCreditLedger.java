package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryBudgetExceededException.Period;
import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.budget.PeriodTotals;
import io.github.pictory4j.images.client.internal.store.CreditLedger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The credit periods in the database ({@code pictory4j_credit_period}), worked on inside the other roles'
 * transactions (the reservation with the submission's record, the settlement with the job's end). A reservation is a conditional update that only succeeds while the period has room
 * ({@code … WHERE spent + reserved + ? <= limit}): the database serialises concurrent ones on the period's
 * row, so instances sharing it can never reserve past a limit together. The day's row is always updated
 * before the month's, so two transactions never wait for each other in a circle.
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

    /** Takes {@code reservation} in its day and month, or throws (and the caller's transaction rolls back). */
    static void reserve(Connection connection, CreditReservation reservation) throws SQLException {
        boolean postgres = Database.isPostgres(connection);
        take(connection, postgres, reservation, Period.DAY, reservation.day(), reservation.dayLimit());
        take(connection, postgres, reservation, Period.MONTH, reservation.month(), reservation.monthLimit());
    }

    /**
     * One statement per period, no savepoint. PostgreSQL: an upsert that reserves only within the limit (the
     * row is locked, and the condition checked on its latest version, so concurrent ones are serialised on it;
     * a first reservation whose price alone passes the limit inserts nothing). H2 (which has no
     * {@code ON CONFLICT … DO UPDATE}): the conditional update, and only when the period has no row yet, its
     * first row (a concurrent first one meets the unique key, and this one updates the row it made).
     */
    private static void take(Connection connection, boolean postgres, CreditReservation reservation, Period period,
                             String name, BigDecimal limit) throws SQLException {
        BigDecimal credits = reservation.credits();
        int taken;
        if (postgres) {
            taken = limit == null
                    ? Database.update(connection, "INSERT INTO pictory4j_credit_period AS p (period, spent, reserved)"
                            + " VALUES (?, 0, ?) ON CONFLICT (period) DO UPDATE SET reserved = p.reserved + EXCLUDED.reserved",
                            name, credits)
                    : Database.update(connection, "INSERT INTO pictory4j_credit_period AS p (period, spent, reserved)"
                            + " SELECT CAST(? AS VARCHAR(10)), 0, CAST(? AS NUMERIC(14, 3)) WHERE CAST(? AS NUMERIC) <= ?"
                            + " ON CONFLICT (period) DO UPDATE SET reserved = p.reserved + EXCLUDED.reserved"
                            + " WHERE p.spent + p.reserved + EXCLUDED.reserved <= ?", name, credits, credits, limit, limit);
        } else {
            taken = reserveIn(connection, name, credits, limit);
            if (taken == 0) { // no room, or no row yet: then it is made (or a concurrent first one made it)
                Database.insertUnlessDuplicate(connection, "INSERT INTO pictory4j_credit_period (period, spent, reserved)"
                        + " SELECT CAST(? AS VARCHAR(10)), 0, 0 WHERE NOT EXISTS"
                        + " (SELECT 1 FROM pictory4j_credit_period WHERE period = ?)", name, name);
                taken = reserveIn(connection, name, credits, limit);
            }
        }
        if (taken == 0) {
            PeriodTotals now = totals(connection, List.of(name)).stream().findFirst().orElse(PeriodTotals.empty(name));
            throw reservation.refused(period, now.spent(), now.reserved());
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

    /**
     * Ends the reservation of the job row {@code where} selects (a no-op when it holds none, or was settled):
     * {@code charge} says what is spent of it.
     */
    static void settle(Connection connection, String where, Object key, Charge charge) throws SQLException {
        Optional<Held> held = Database.first(connection, "SELECT reserved_credits, credit_day, credit_month FROM pictory4j_job"
                        + " WHERE " + where + " AND reserved_credits IS NOT NULL",
                row -> new Held(row.getBigDecimal("reserved_credits"), row.getString("credit_day"),
                        row.getString("credit_month")), key);
        if (held.isEmpty()) {
            return;
        }
        settle(connection, held.get().reserved(), held.get().day(), held.get().month(), charge);
        Database.update(connection, "UPDATE pictory4j_job SET reserved_credits = NULL WHERE " + where, key);
    }

    /**
     * Ends a reservation of {@code reserved} in its day and month (the day's row first, as reservations take
     * them): {@code charge} says what is spent of it. The caller clears the job row's reservation in the same
     * transaction.
     */
    static void settle(Connection connection, BigDecimal reserved, String day, String month, Charge charge)
            throws SQLException {
        Object[] parameters = settleParameters(reserved, day, month, charge);
        Database.update(connection, SETTLE, Arrays.copyOfRange(parameters, 0, 4));
        Database.update(connection, SETTLE, Arrays.copyOfRange(parameters, 4, 8));
    }

    private static final String SETTLE = "UPDATE pictory4j_credit_period SET reserved = CASE WHEN reserved > ? THEN"
            + " reserved - ? ELSE 0 END, spent = spent + ? WHERE period = ?";

    /** The parameters of the day's settlement, then the month's. */
    static Object[] settleParameters(BigDecimal reserved, String day, String month, Charge charge) {
        BigDecimal charged = charge.of(reserved);
        return new Object[]{reserved, reserved, charged, day, reserved, reserved, charged, month};
    }

    /**
     * PostgreSQL: the {@code WITH} parts that settle a reservation in its day and month only when the part
     * {@code gate} (which ends the job's row and clears its reservation) changed a row, so that the end and
     * the settlement are one statement (atomic without a transaction). The day's row is updated before the
     * month's (the month's reads the day's result), as reservations take them, so that no two statements
     * wait for each other in a circle. Their parameters are {@link #settleParameters}.
     */
    static String settlingAfter(String gate) {
        return ", day AS (" + SETTLE + " AND EXISTS (SELECT 1 FROM " + gate + ") RETURNING 1),"
                + " month AS (" + SETTLE + " AND EXISTS (SELECT 1 FROM " + gate + ") AND (SELECT COUNT(*) FROM day) >= 0)";
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

    private record Held(BigDecimal reserved, String day, String month) {
    }
}
