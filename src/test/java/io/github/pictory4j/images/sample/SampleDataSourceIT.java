package io.github.pictory4j.images.sample;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the server: a connection the module closed, looked up by name as the module looks its DataSource
 * up, is back in the pool at once, not held by the thread until its task ends. Otherwise each poll holds
 * a connection while it waits for Pictory, and a slow Pictory empties the pool (the sample's server.xml
 * sets {@code enableSharingForDirectLookups="false"}; the README says why). Liberty's connection manager
 * MBean lists the pool's connections in use, with the thread that holds each.
 */
@ExtendWith(ArquillianExtension.class)
class SampleDataSourceIT {

    private static final String JNDI_NAME = "jdbc/pictory-h2";

    @Deployment
    static WebArchive app() {
        return SampleDeployment.war().addClass(SampleDataSourceIT.class);
    }

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void aClosedConnectionGoesBackToThePoolBeforeTheTaskThatUsedItEnds() throws Exception {
        DataSource dataSource = (DataSource) new InitialContext().lookup(JNDI_NAME);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> pools = server.queryNames(new ObjectName(
                "WebSphere:type=com.ibm.ws.jca.cm.mbean.ConnectionManagerMBean,jndiName=" + JNDI_NAME + ",*"), null);
        assertEquals(1, pools.size(), "the connection manager of " + JNDI_NAME + ": " + pools);
        ObjectName pool = pools.iterator().next();

        String[] seen = executor.submit(() -> {
            String open;
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                open = (String) server.invoke(pool, "showPoolContents", null, null);
            }
            // Closed, as the module closes each connection before it calls Pictory; the task goes on.
            return new String[]{open, (String) server.invoke(pool, "showPoolContents", null, null)};
        }).get(30, TimeUnit.SECONDS);

        // A shareable connection stays the task's after close() (Liberty lists it under "shared" until the
        // task ends); an unshareable one goes back to the pool when closed.
        assertTrue(seen[0].contains("\nshared=0\n") && !seen[0].contains("\nunshared=0\n"),
                "while open, the connection is unshareable:\n" + seen[0]);
        assertTrue(seen[1].contains("\nshared=0\n"), "after close(), the task holds no connection:\n" + seen[1]);
    }
}
