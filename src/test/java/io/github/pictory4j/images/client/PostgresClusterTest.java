package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;

/** Instances sharing one PostgreSQL database (reported as not run where no server is reachable). */
class PostgresClusterTest extends ClusterContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRESQL;
    }
}
