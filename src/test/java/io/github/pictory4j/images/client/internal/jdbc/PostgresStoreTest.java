package io.github.pictory4j.images.client.internal.jdbc;

/**
 * The job store's contract on PostgreSQL, the production database. Not run (reported as skipped, with
 * the reason) where no server is reachable, unless {@code pictory.test.postgres.required} is set.
 */
class PostgresStoreTest extends JdbcStoreContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRESQL;
    }
}
