package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.internal.store.StoredRequests;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Older versions of the tables to {@link Schema#VERSION}. Version 1 (the release of 4369dfe and before) to 2
 * ({@code upgrade-v1-to-v2.sql}): the claims and the image's keeping move to their own tables, and each
 * request's six columns become its kind and JSON, which only Java writes (JSON-B), between the script's parts.
 * Version 2 to 3 ({@code upgrade-v2-to-v3.sql}): budgets per spender. Version 3 to 4 ({@code upgrade-v3-to-v4.sql}):
 * simulated credits, and the indexes of listings per spender.
 *
 * <p>On PostgreSQL the steps run in one transaction. H2 commits at each DDL statement, so there an upgrade cut
 * short (a killed JVM) leaves some steps done: every step can therefore run again, and the copies and the
 * rewrite run only while none of the old columns has been dropped, which happens only after they committed.
 */
final class SchemaUpgrade {

    private static final String SCRIPT = "upgrade-v1-to-v2.sql";
    private static final String TO_VERSION_3 = "upgrade-v2-to-v3.sql";
    private static final String TO_VERSION_4 = "upgrade-v3-to-v4.sql";
    private static final String REQUESTS = "-- @requests";
    private static final List<String> NEW_TABLES = List.of("pictory4j_claim", "pictory4j_image_keeping");
    private static final Pattern DROPPED = Pattern.compile("DROP COLUMN IF EXISTS (\\w+)");
    private static final Pattern CREATE = Pattern.compile("^CREATE (TABLE|INDEX) ");

    /** One step of the upgrade; {@link #run} does nothing when the step has been done. */
    record Step(String sql, boolean whileOldColumnsRemain) {
        void run(Connection connection, List<String> oldColumns) throws SQLException {
            if (whileOldColumnsRemain && !allExist(connection, oldColumns)) {
                return; // the drops have begun, so this step committed before them
            }
            if (sql == null) {
                convertRequests(connection);
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
        }

        @Override
        public String toString() {
            return sql == null ? "rewrite the requests as JSON" : sql;
        }
    }

    private SchemaUpgrade() {
    }

    /** Runs the steps from version {@code found} to {@link Schema#VERSION}. */
    static void upgrade(Connection connection, int found) throws SQLException {
        List<String> oldColumns = oldColumns();
        for (Step step : steps(found)) {
            step.run(connection, oldColumns);
        }
    }

    /** The steps from version {@code found}, in their order. */
    static List<Step> steps(int found) {
        List<Step> steps = new ArrayList<>();
        if (found < 2) {
            steps.addAll(toVersion2());
        }
        if (found < 3) {
            for (String sql : Schema.statements(Schema.script(TO_VERSION_3))) {
                steps.add(new Step(sql, false));
            }
        }
        for (String sql : Schema.statements(Schema.script(TO_VERSION_4))) {
            steps.add(new Step(sql, false));
        }
        return List.copyOf(steps);
    }

    private static List<Step> toVersion2() {
        List<Step> steps = new ArrayList<>();
        // The new tables exactly as the current version creates them (unchanged since version 2).
        Schema.statements().stream()
                .filter(sql -> sql.startsWith("CREATE") && NEW_TABLES.stream().anyMatch(sql::contains))
                .map(sql -> new Step(CREATE.matcher(sql).replaceFirst("CREATE $1 IF NOT EXISTS "), false))
                .forEach(steps::add);
        String script = Schema.script(SCRIPT);
        int requests = script.indexOf(REQUESTS);
        for (String sql : Schema.statements(script.substring(0, requests))) {
            steps.add(new Step(sql, sql.startsWith("INSERT")));
        }
        steps.add(new Step(null, true));
        for (String sql : Schema.statements(script.substring(requests))) {
            steps.add(new Step(sql, false));
        }
        return steps;
    }

    /** The columns of version 1 that version 2 drops, named by the script. */
    static List<String> oldColumns() {
        List<String> columns = new ArrayList<>();
        Matcher dropped = DROPPED.matcher(Schema.script(SCRIPT));
        while (dropped.find()) {
            columns.add(dropped.group(1));
        }
        return List.copyOf(columns);
    }

    private static boolean allExist(Connection connection, List<String> columns) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        int found = 0;
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
        for (String table : List.of("PICTORY4J_JOB", "pictory4j_job")) {
            try (ResultSet rows = meta.getColumns(connection.getCatalog(), connection.getSchema(), table, null)) {
                while (rows.next()) {
                    if (columns.contains(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT))) {
                        found++;
                    }
                }
            }
        }
        return found == columns.size();
    }

    /** Each submitted request's columns as its {@link StoredRequests} JSON, unless it has been rewritten. */
    private static void convertRequests(Connection connection) throws SQLException {
        List<Converted> rows = Database.query(connection, "SELECT submission_id, prompt, model, aspect_ratio, style,"
                + " reference_image_url, own_webhook FROM pictory4j_job WHERE prompt IS NOT NULL AND request_json IS NULL",
                row -> {
                    String model = row.getString("model");
                    String ratio = row.getString("aspect_ratio");
                    String style = row.getString("style");
                    ImageRequest request = new ImageRequest(row.getString("prompt"), model == null ? null : ImageModel.of(model),
                            ratio == null ? null : AspectRatio.of(ratio), style == null ? null : ImageStyle.of(style),
                            row.getString("reference_image_url"), row.getString("own_webhook"));
                    return new Converted(row.getString("submission_id"), StoredRequests.encode(request));
                });
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE pictory4j_job SET request_kind = ?, request_json = ? WHERE submission_id = ?")) {
            for (Converted row : rows) {
                update.setString(1, row.request().kind());
                update.setString(2, row.request().json());
                update.setString(3, row.submissionId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private record Converted(String submissionId, StoredRequests.Stored request) {
    }
}
