package io.github.pictory4j.images.client.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A statement with its parameters, in order. */
record Sql(String text, Object... parameters) {

    /**
     * Runs writes that belong together, answering the rows the last one changed. PostgreSQL: one statement
     * (the others as data-modifying {@code WITH} parts), so that it costs one round trip and is atomic
     * without a transaction. H2 (no data-modifying {@code WITH}): one after the other, the last one last,
     * on the caller's connection (the caller makes a transaction of them when they must be atomic).
     */
    static int together(Connection connection, Sql... writes) throws SQLException {
        if (!Database.isPostgres(connection)) {
            int changed = 0;
            for (Sql write : writes) {
                changed = Database.update(connection, write.text(), write.parameters());
            }
            return changed;
        }
        StringBuilder text = new StringBuilder("WITH ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < writes.length - 1; i++) {
            text.append(i == 0 ? "" : ", ").append("w").append(i).append(" AS (").append(writes[i].text()).append(")");
            parameters.addAll(Arrays.asList(writes[i].parameters()));
        }
        Sql last = writes[writes.length - 1];
        text.append(' ').append(last.text());
        parameters.addAll(Arrays.asList(last.parameters()));
        return Database.update(connection, text.toString(), parameters.toArray());
    }
}
