package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryBudgetExceededException.Period;
import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.budget.PeriodTotals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The credit periods in the database ({@code pictory4j_credit_period}), worked on inside the job store's
 * transactions. A reservation is a conditional update that only succeeds while the period has room
 * ({@code … WHERE spent + reserved + ? <= limit}): the database serialises concurrent ones on the period's
 * row, so instances sharing it can never reserve past a limit together. The day's row is always updated
 * before the month's, so two transactions never wait for each other in a circle.
 */
final class CreditLedger {

    private CreditLedger() {
    }

    /** Takes {@code reservation} in its day and month, or throws (and the caller's transaction rolls back). */
    static void reserve(Connection connection, CreditReservation reservation) throws SQLException {
        take(connection, reservation, Period.DAY, reservation.day(), reservation.dayLimit());
        take(connection, reservation, Period.MONTH, reservation.month(), reservation.monthLimit());
    }

    private static void take(Connection connection, CreditReservation reservation, Period period, String name,
                             BigDecimal limit) throws SQLException {
        // The row first, when it is missing (a concurrent insert of the same period waits, then counts as
        // there). NOT EXISTS spares the database an error, logged by PostgreSQL, on every submission but
        // the period's first; two first ones at once still meet the unique key, and one yields.
        Database.updateUnlessDuplicate(connection, "INSERT INTO pictory4j_credit_period (period, spent, reserved)"
                + " SELECT CAST(? AS VARCHAR(10)), 0, 0 WHERE NOT EXISTS"
                + " (SELECT 1 FROM pictory4j_credit_period WHERE period = ?)", name, name);
        BigDecimal credits = reservation.credits();
        int taken = limit == null
                ? Database.update(connection, "UPDATE pictory4j_credit_period SET reserved = reserved + ? WHERE period = ?",
                        credits, name)
                : Database.update(connection, "UPDATE pictory4j_credit_period SET reserved = reserved + ?"
                        + " WHERE period = ? AND spent + reserved + ? <= ?", credits, name, credits, limit);
        if (taken == 0) {
            PeriodTotals now = totals(connection, List.of(name)).stream().findFirst().orElse(PeriodTotals.empty(name));
            throw reservation.refused(period, now.spent(), now.reserved());
        }
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
        BigDecimal reserved = held.get().reserved();
        BigDecimal charged = charge.of(reserved);
        for (String period : List.of(held.get().day(), held.get().month())) {
            Database.update(connection, "UPDATE pictory4j_credit_period SET reserved = CASE WHEN reserved > ? THEN"
                    + " reserved - ? ELSE 0 END, spent = spent + ? WHERE period = ?", reserved, reserved, charged, period);
        }
        Database.update(connection, "UPDATE pictory4j_job SET reserved_credits = NULL WHERE " + where, key);
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
