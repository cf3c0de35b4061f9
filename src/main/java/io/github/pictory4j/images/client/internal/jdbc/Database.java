package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.PictoryStoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC through the container's {@link DataSource}: a connection per unit of work, returned to the
 * pool at once, and every {@link SQLException} turned into a {@link PictoryStoreException} that says
 * what was being done. Statements take their parameters in order; times are UTC
 * {@code TIMESTAMP WITH TIME ZONE}, always from the client's clock, never the database's.
 */
public final class Database {

    private final DataSource dataSource;
    private final String name;

    /** @param name how errors name the database (the JNDI name, say) */
    public Database(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /** Work on one connection, in autocommit mode. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A connection for work that outlives one call (streaming a kept image); the caller closes it. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Runs {@code work} on a pooled connection; {@code doing} names it in the error. */
    public <T> T run(String doing, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /** Runs {@code work} in one transaction: all of it or none. */
    public <T> T inTransaction(String doing, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /** An update with {@code parameters}; answers the rows changed. */
    public int update(String doing, String sql, Object... parameters) {
        return run(doing, connection -> update(connection, sql, parameters));
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * An update that may break a unique key: answers the rows changed, or -1 for a duplicate key. Inside a
     * transaction it runs under a savepoint, because PostgreSQL aborts the whole transaction on an error.
     */
    public static int updateUnlessDuplicate(Connection connection, String sql, Object... parameters) throws SQLException {
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            return update(connection, sql, parameters);
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return -1;
        }
    }

    /**
     * An insert that yields to a row already there (a unique key): answers the rows inserted, 0 when one was there.
     * One statement and no savepoint: PostgreSQL's {@code ON CONFLICT DO NOTHING}; H2 rolls back a failed
     * statement alone, not its transaction, so the duplicate's error is caught.
     */
    public static int insertUnlessDuplicate(Connection connection, String insert, Object... parameters) throws SQLException {
        if (isPostgres(connection)) {
            return update(connection, insert + " ON CONFLICT DO NOTHING", parameters);
        }
        try {
            return update(connection, insert, parameters);
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return 0;
            }
            throw e;
        }
    }

    /** Whether the connection is to PostgreSQL (else H2): the few statements whose syntax differs ask. No round trip. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    }

    /** Every row a query answers. */
    public <T> List<T> query(String doing, String sql, Row<T> row, Object... parameters) {
        return run(doing, connection -> query(connection, sql, row, parameters));
    }

    public static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(row.map(rows));
            }
            return found;
        }
    }

    /** The first row a query answers, if any. */
    public <T> Optional<T> first(String doing, String sql, Row<T> row, Object... parameters) {
        return run(doing, connection -> first(connection, sql, row, parameters));
    }

    public static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(row.map(rows)) : Optional.empty();
            }
        }
    }

    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Null nothing) {
            statement.setNull(index, nothing.sqlType());
        } else if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setObject(index, value);
        }
    }

    /** A typed SQL NULL, for the drivers that want the type (PostgreSQL does). */
    public record Null(int sqlType) {
        public static final Null TIMESTAMP = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
        public static final Null INTEGER = new Null(Types.INTEGER);
        public static final Null DECIMAL = new Null(Types.NUMERIC);
    }

    /** A nullable value of a type the driver must be told. */
    public static Object orNull(Object value, Null type) {
        return value == null ? type : value;
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant, or null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An INTEGER column, or null. */
    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /** Whether {@code e} is a unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL). */
    public static boolean isDuplicateKey(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public PictoryStoreException failure(String doing, SQLException e) {
        return new PictoryStoreException("The Pictory job store (" + name + ") failed while " + doing + ": "
                + e.getMessage() + " [SQLState " + e.getSQLState() + "]", e);
    }
}
