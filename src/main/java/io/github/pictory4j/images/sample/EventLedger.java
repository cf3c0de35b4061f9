package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJobCompleted;
import io.github.pictory4j.images.client.ImageJobFailed;
import io.github.pictory4j.images.client.StoreSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an app does once per job end (charge a customer, send a mail), made visible: each
 * {@link ImageJobCompleted} and {@link ImageJobFailed} this instance receives is written as a row of
 * the sample's own table {@code sample_event} in the sample's database, with the instance that got it.
 * {@code GET /api/events/ledger} counts them per job, so that a restart or a cluster can be checked:
 * one row per job, whatever happened.
 */
@ApplicationScoped
public class EventLedger {

    private static final Logger LOG = Logger.getLogger(EventLedger.class.getName());
    /** This instance, in the rows it writes. */
    static final String INSTANCE = System.getenv().getOrDefault("PICTORY_INSTANCE",
            "instance-" + UUID.randomUUID().toString().substring(0, 8));

    @Inject
    Config config;

    private DataSource database;

    @PostConstruct
    void createTable() {
        String jndiName = config.getOptionalValue(StoreSettings.DATASOURCE, String.class).orElse(null);
        if (jndiName == null) {
            return;
        }
        try {
            database = (DataSource) new InitialContext().lookup(jndiName);
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                // H2 and PostgreSQL both know IF NOT EXISTS.
                statement.execute("CREATE TABLE IF NOT EXISTS sample_event (job_id VARCHAR(128) NOT NULL,"
                        + " kind VARCHAR(16) NOT NULL, instance VARCHAR(64) NOT NULL,"
                        + " received_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            } catch (SQLException raced) {
                counts(); // instances starting together may race to create it: fine if it is there now
            }
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.WARNING, "The sample's event ledger is off: " + e.getMessage(), e);
            database = null;
        }
    }

    void completed(@Observes ImageJobCompleted event) {
        record(event.job().jobId(), "completed");
    }

    void failed(@Observes ImageJobFailed event) {
        record(event.job().jobId(), "failed");
    }

    /**
     * Records what this instance did for a job: {@code completed}/{@code failed} (its end event),
     * {@code submitted}, {@code callback} (a genuine webhook callback it accepted).
     */
    void record(String jobId, String kind) {
        if (database == null) {
            return;
        }
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sample_event (job_id, kind, instance, received_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, jobId);
            insert.setString(2, kind);
            insert.setString(3, INSTANCE);
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not record " + kind + " of job " + jobId + " in the sample's ledger", e);
        }
    }

    /** End events received per job, across instances and restarts. */
    public Map<String, Integer> counts() {
        return endEventsBy("job_id");
    }

    /** End events received per instance. */
    public Map<String, Integer> byInstance() {
        return endEventsBy("instance");
    }

    /** End events counted by {@code column} (one of this class's own column names, never input). */
    private Map<String, Integer> endEventsBy(String column) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (database == null) {
            return counts;
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + column + ", COUNT(*) FROM sample_event"
                     + " WHERE kind IN ('completed', 'failed') GROUP BY " + column)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sample's event ledger failed: " + e.getMessage(), e);
        }
        return counts;
    }
}
