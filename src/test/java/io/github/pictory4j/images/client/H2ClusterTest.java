package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;

/** Instances sharing one H2 database (in one JVM, as tests can; in production the cluster uses PostgreSQL). */
class H2ClusterTest extends ClusterContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
