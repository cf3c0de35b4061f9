package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.client.internal.config.ConfigValues;
import io.github.pictory4j.images.client.internal.jdbc.Database;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.Optional;

/** The durable store's database: the data source given, else the one {@code pictory.store.datasource} names in JNDI. */
final class DataSources {

    private DataSources() {
    }

    /** Empty when there is neither: jobs are then kept in memory. */
    static Optional<Database> database(Optional<DataSource> given, StoreSettings settings) {
        if (given.isPresent()) {
            return Optional.of(new Database(given.get(), "the job store's DataSource"));
        }
        return settings.dataSourceName().map(name -> new Database(lookup(name), name));
    }

    private static DataSource lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource dataSource) {
                return dataSource;
            }
            throw new PictoryConfigurationException(StoreSettings.DATASOURCE + " names " + name + ", which is a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
        } catch (NamingException e) {
            throw ConfigValues.invalid(StoreSettings.DATASOURCE, "names " + name + ", but no DataSource has that JNDI"
                    + " name: define one in the server's configuration (such as <dataSource jndiName=\"" + name + "\">"
                    + " in Open Liberty's server.xml), or unset the property to keep jobs in memory (" + e.getMessage()
                    + ")");
        }
    }
}
