package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.PictoryStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The store's tables, versioned in {@code pictory4j_schema} so that a later release can migrate them.
 * Created when missing, and upgraded from an older version (see {@link SchemaUpgrade}), if allowed
 * ({@code pictory.store.create-schema}, default true); a database with a newer version than this release
 * knows is refused rather than misread.
 */
public final class Schema {

    /** The version this release writes and reads. */
    public static final int VERSION = 4;

    private static final Logger LOG = Logger.getLogger(Schema.class.getName());
    private static final String VERSION_TABLE = "pictory4j_schema";

    private Schema() {
    }

    /** The DDL of {@link #VERSION}, as published in src/docs/durable-jobs.md. */
    public static String ddl() {
        return script("schema-v" + VERSION + ".sql");
    }

    /** A script shipped next to this class. */
    static String script(String name) {
        try (InputStream in = Schema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the client jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DDL's statements, comments dropped. */
    static List<String> statements() {
        return statements(ddl());
    }

    /** A script's statements, comments dropped. */
    static List<String> statements(String script) {
        String withoutComments = Arrays.stream(script.split("\n"))
                .map(line -> line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Makes sure the tables are there at {@link #VERSION}.
     *
     * @param create whether missing tables may be created and older ones upgraded
     * @throws PictoryStoreException when they are missing or older and may not be created or upgraded, or are
     *         of a newer version
     */
    public static void ensure(Database database, boolean create, Instant now) {
        int found = database.run("reading the schema version", Schema::version);
        if (found == VERSION) {
            return;
        }
        if (found > VERSION) {
            throw new PictoryStoreException("The Pictory job store's tables are at schema version " + found
                    + ", newer than this release of pictory4j knows (" + VERSION + "): upgrade pictory4j", null);
        }
        if (found > 0) {
            upgrade(database, create, found, now);
            return;
        }
        if (!create) {
            throw new PictoryStoreException("The Pictory job store's tables are missing and "
                    + "pictory.store.create-schema is false: create them with the DDL in src/docs/durable-jobs.md (schema version "
                    + VERSION + "), or allow the module to create them", null);
        }
        try {
            database.inTransaction("creating the job store's tables", connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements()) {
                        statement.execute(sql);
                    }
                }
                Database.update(connection, "INSERT INTO " + VERSION_TABLE + " (version, applied_at) VALUES (?, ?)",
                        VERSION, now);
                return null;
            });
            LOG.info("Created the Pictory job store's tables (schema version " + VERSION + ")");
        } catch (PictoryStoreException raced) {
            // Another instance may have created them at the same moment.
            if (database.run("reading the schema version", Schema::version) != VERSION) {
                throw raced;
            }
        }
    }

    /** Upgrades the tables from version {@code found}, in one transaction where DDL is transactional, keeping every job. */
    private static synchronized void upgrade(Database database, boolean allowed, int found, Instant now) {
        if (!allowed) {
            throw new PictoryStoreException("The Pictory job store's tables are at schema version " + found
                    + ", older than this release of pictory4j needs (" + VERSION + "), and pictory.store.create-schema"
                    + " is false, so the module may not upgrade them: set pictory.store.create-schema=true for one start"
                    + " (with a database user allowed to alter the tables) and the module upgrades them in one"
                    + " transaction, keeping every job (see src/docs/durable-jobs.md)", null);
        }
        try {
            boolean upgraded = database.inTransaction("upgrading the job store's tables from schema version " + found,
                    connection -> {
                // Instances starting together take turns: the first holds the old version's row until it commits,
                // and the others then find the new version. (H2, embedded in one JVM, commits at each DDL
                // statement and so releases the row early; its upgrade can run again, see SchemaUpgrade.)
                Database.query(connection, "SELECT version FROM " + VERSION_TABLE + " WHERE version = ? FOR UPDATE",
                        row -> row.getInt(1), found);
                if (version(connection) == VERSION) {
                    return false;
                }
                SchemaUpgrade.upgrade(connection, found);
                Database.update(connection, "INSERT INTO " + VERSION_TABLE + " (version, applied_at) VALUES (?, ?)",
                        VERSION, now);
                return true;
            });
            if (upgraded) {
                LOG.info("Upgraded the Pictory job store's tables from schema version " + found + " to " + VERSION);
            }
        } catch (PictoryStoreException raced) {
            // Another instance may have upgraded them at the same moment.
            if (database.run("reading the schema version", Schema::version) != VERSION) {
                throw raced;
            }
        }
    }

    /** The schema version in the database; 0 when there are no tables yet. */
    static int version(Connection connection) throws SQLException {
        if (!tableExists(connection, VERSION_TABLE)) {
            return 0;
        }
        return Database.first(connection, "SELECT MAX(version) FROM " + VERSION_TABLE, row -> row.getInt(1)).orElse(0);
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name,
                    new String[]{"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
