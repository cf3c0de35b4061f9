package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;
import io.github.pictory4j.images.runtimes.ConsumerDeployments.DataSourceDefinition;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.github.pictory4j.images.runtimes.ConsumerDeployments.json;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durable store on PostgreSQL through a data source the runtime makes from the app's {@code web.xml}
 * (PICTORY_TEST_POSTGRES_URL, _USER and _PASSWORD name the server, as for the store's unit tests): the job's
 * record and its kept image land in the app's schema. Run on Open Liberty; without a server it is skipped,
 * unless {@code pictory.test.postgres.required=true} (as in CI).
 */
@ExtendWith(ArquillianExtension.class)
class RuntimePostgresIT {

    private static final String NAME = "consumer-postgres";
    private static final String URL = setting("PICTORY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/pictory");
    private static final String USER = setting("PICTORY_TEST_POSTGRES_USER", "pictory");
    private static final String PASSWORD = setting("PICTORY_TEST_POSTGRES_PASSWORD", "pictory");
    private static final String SCHEMA = "pictory_runtime_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static String unreachable;

    @Deployment(testable = false)
    static WebArchive app() {
        try {
            execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            unreachable = "no PostgreSQL server at " + URL + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean(TestDatabases.POSTGRES_REQUIRED)) {
                throw new AssertionError(unreachable + "; required here (" + TestDatabases.POSTGRES_REQUIRED + "=true)", e);
            }
            return ConsumerDeployments.consumer(NAME, "");
        }
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        return ConsumerDeployments.consumer(NAME, "pictory.api-key=" + ConsumerDeployments.KEY + "\n",
                new DataSourceDefinition("java:app/jdbc/pictory-consumer", "org.postgresql.ds.PGSimpleDataSource", url,
                        USER, PASSWORD), "target/jdbc/postgresql.jar");
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        if (unreachable == null) {
            execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void aGeneratedJobAndItsImageAreKeptInPostgreSql() throws Exception {
        Assumptions.assumeTrue(unreachable == null, () -> "PostgreSQL test did not run: " + unreachable);
        String jobId = json(NAME, "POST", "generate", "{\"prompt\":\"A lighthouse at dawn, in PostgreSQL\"}", 200)
                .getString("jobId");

        ConsumerDeployments.awaitKept(NAME, jobId);
        assertTrue(count("SELECT count(*) FROM " + SCHEMA + ".pictory4j_job WHERE job_id = '" + jobId + "'") == 1,
                "the job's row is in the app's schema " + SCHEMA);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }
}
