package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.internal.store.StoredRequests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Version 1 of the tables (the release of 4369dfe and before) to version 2, on the caller's transaction
 * ({@code upgrade-v1-to-v2.sql}): the claims and the image's keeping move to their own tables, and each
 * request's six columns become its kind and JSON, which only Java writes (JSON-B), between the script's parts.
 */
final class SchemaUpgrade {

    private static final String SCRIPT = "upgrade-v1-to-v2.sql";
    private static final String REQUESTS = "-- @requests";
    private static final List<String> NEW_TABLES = List.of("pictory4j_claim", "pictory4j_image_keeping");

    private SchemaUpgrade() {
    }

    static void toVersion2(Connection connection) throws SQLException {
        // The new tables exactly as version 2 creates them.
        run(connection, Schema.statements().stream().filter(sql -> sql.startsWith("CREATE")
                && NEW_TABLES.stream().anyMatch(sql::contains)).toList());
        String script = Schema.script(SCRIPT);
        int requests = script.indexOf(REQUESTS);
        run(connection, Schema.statements(script.substring(0, requests)));
        convertRequests(connection);
        run(connection, Schema.statements(script.substring(requests)));
    }

    private static void run(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Each submitted request's columns as its {@link StoredRequests} JSON. */
    private static void convertRequests(Connection connection) throws SQLException {
        List<Converted> rows = Database.query(connection, "SELECT submission_id, prompt, model, aspect_ratio, style,"
                + " reference_image_url, own_webhook FROM pictory4j_job WHERE prompt IS NOT NULL", row -> {
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
