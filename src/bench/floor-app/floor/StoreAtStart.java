package floor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Opens the server's H2 data source when the application starts and creates a table, as the module opens its
 * job store before the application takes requests.
 */
@ApplicationScoped
public class StoreAtStart {
    @Resource(lookup = "jdbc/pictory-h2")
    DataSource dataSource;

    void open(@Observes @Initialized(ApplicationScoped.class) Object started) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS floor_greeting (id BIGINT PRIMARY KEY, text VARCHAR(100))");
        }
    }
}
