package io.github.pictory4j.images.client.internal.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DBAs create the tables from the durable jobs guide (src/docs/durable-jobs.md): its DDL must be exactly the schema the module creates. */
class ReadmeDdlTest {

    @Test
    void theReadmesDdlIsTheSchemaTheModuleCreates() throws IOException {
        String readme = Files.readString(Path.of("src/docs/durable-jobs.md"));
        String opening = "```sql\n";
        int start = readme.indexOf(opening + "-- pictory4j job store");
        assertTrue(start >= 0, "the guide shows the DDL in a sql block");
        int from = start + opening.length();

        assertEquals(Schema.ddl(), readme.substring(from, readme.indexOf("```", from)));
    }
}
