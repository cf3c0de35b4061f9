package io.github.pictory4j.images.client.internal.jdbc;

/** The job store's contract on embedded H2, the sample's default database. */
class H2StoreTest extends JdbcStoreContract {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
