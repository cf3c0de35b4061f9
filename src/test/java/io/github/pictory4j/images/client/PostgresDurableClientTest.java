package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;

/** The durable client on PostgreSQL (reported as not run where no server is reachable). */
class PostgresDurableClientTest extends DurableClientContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRESQL;
    }
}
