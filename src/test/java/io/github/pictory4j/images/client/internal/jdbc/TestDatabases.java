package io.github.pictory4j.images.client.internal.jdbc;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real databases for the job store's tests: an in-memory H2 per test, and a fresh schema in a
 * PostgreSQL server per test when one is reachable. Where PostgreSQL is not reachable, its tests are
 * reported as not run (JUnit's "skipped", with the reason), never as passed; with
 * {@code -Dpictory.test.postgres.required=true} (as {@code .ci/run} sets) they fail instead.
 *
 * <p>The server: {@code PICTORY_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/pictory}),
 * {@code PICTORY_TEST_POSTGRES_USER} and {@code PICTORY_TEST_POSTGRES_PASSWORD} (default {@code pictory}).
 */
public final class TestDatabases {

    public static final String POSTGRES_REQUIRED = "pictory.test.postgres.required";

    private TestDatabases() {
    }

    /** The databases a contract test runs on. */
    public enum Kind { H2, POSTGRESQL }

    /** A database that is dropped with {@link #close()}. */
    public record TestDatabase(Kind kind, DataSource dataSource, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    public static TestDatabase create(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    /** A private in-memory H2, gone when its last connection closes after {@link TestDatabase#close()}. */
    public static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pictory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new TestDatabase(Kind.H2, h2, () -> execute(h2, "SHUTDOWN"));
    }

    /** A fresh schema in the PostgreSQL server, dropped afterwards. */
    public static TestDatabase postgres() {
        String url = setting("PICTORY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/pictory");
        PGSimpleDataSource admin = dataSource(url, null);
        String schema = "pictory_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            String reason = "PostgreSQL tests did not run: no server at " + url + " (" + unreachable.getMessage()
                    + "). Start one (`.ci/run` does) or point PICTORY_TEST_POSTGRES_URL at one.";
            if (Boolean.getBoolean(POSTGRES_REQUIRED)) {
                throw new AssertionError(reason + " They are required here (" + POSTGRES_REQUIRED + "=true).", unreachable);
            }
            Assumptions.abort(reason);
        }
        return new TestDatabase(Kind.POSTGRESQL, dataSource(url, schema), () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static PGSimpleDataSource dataSource(String url, String schema) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(url);
        postgres.setUser(setting("PICTORY_TEST_POSTGRES_USER", "pictory"));
        postgres.setPassword(setting("PICTORY_TEST_POSTGRES_PASSWORD", "pictory"));
        postgres.setConnectTimeout(3);
        if (schema != null) {
            postgres.setCurrentSchema(schema);
        }
        return postgres;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cleaning up the test database failed: " + e.getMessage(), e);
        }
    }
}
