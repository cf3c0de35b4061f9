package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.it.ProbeErrors;
import io.github.pictory4j.images.it.TestHttp;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The consumer app as a user packages it for any Jakarta EE 10 runtime: its own classes, the module's
 * client jar and, as its Pictory, the simulator jar in {@code WEB-INF/lib}; a data source, when it wants
 * one, defined by the app itself in the standard {@code web.xml} {@code <data-source>} with its JDBC
 * driver beside the jars, so that each runtime makes it with its own pool. Nothing in it names a runtime.
 *
 * <p>The runtime under test comes from the failsafe execution: {@code runtime.name} and the port its
 * HTTP listener uses, {@code runtime.http.port}.
 */
final class ConsumerDeployments {

    static final String RUNTIME = System.getProperty("runtime.name", "liberty");
    static final int PORT = Integer.getInteger("runtime.http.port", Integer.getInteger("liberty.http.port", 9080));
    static final String KEY = SimulatorKeys.DEFAULT_API_KEY;

    /** A JDBC data source the app defines: its JNDI name, driver class, URL and credentials. */
    record DataSourceDefinition(String name, String className, String url, String user, String password) {

        static DataSourceDefinition h2(String database) {
            return new DataSourceDefinition("java:app/jdbc/pictory-consumer", "org.h2.jdbcx.JdbcDataSource",
                    "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "sa", "consumer-password");
        }

        String webXml() {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                             version="6.0">
                        <data-source>
                            <name>%s</name>
                            <class-name>%s</class-name>
                            <url>%s</url>
                            <user>%s</user>
                            <password>%s</password>
                        </data-source>
                    </web-app>
                    """.formatted(name, className, xml(url), xml(user), xml(password));
        }

        private static String xml(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;");
        }
    }

    private ConsumerDeployments() {
    }

    /**
     * The consumer called {@code name}, its client pointed at its own simulator (switched on), the simulator's
     * jobs quick, with {@code settings} added to its {@code microprofile-config.properties}.
     */
    static WebArchive consumer(String name, String settings) {
        awaitFreePortForANewServer();
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(ConsumerApplication.class, ConsumerResource.class, ConsumerWebhook.class,
                        ProbeErrors.class, ProbeErrors.Violations.class)
                .addAsLibrary(jar("pictory.client.jar", "target/pictory-images-client.jar"))
                .addAsLibrary(jar("pictory.simulator.jar", "target/pictory-images-simulator.jar"))
                .addAsResource(new StringAsset(SimulatorKeys.ENABLED + "=true\n"
                        + "pictory.simulator.job-duration=300ms\n"
                        + "pictory/mp-rest/url=" + simulatorUrl(name) + "\n"
                        + "pictory.retry.base-delay=10ms\n"
                        + settings), "META-INF/microprofile-config.properties");
    }

    /** {@link #consumer} with a data source of its own, and the driver that {@code definition} names. */
    static WebArchive consumer(String name, String settings, DataSourceDefinition definition, String driverJar) {
        return consumer(name, settings + "pictory.store.datasource=" + definition.name() + "\n")
                .addAsLibrary(jar("jdbc driver", driverJar))
                .setWebXML(new StringAsset(definition.webXml()));
    }

    /**
     * Where the adapter starts a server per deployment ({@code runtime.server-per-deployment}: Payara Micro), the
     * previous deployment's server may still be shutting down when the next is built, holding the fixed port the
     * app's URLs name: the new one would then fail to bind it. Waits (60 s at most) until the port is free.
     */
    private static void awaitFreePortForANewServer() {
        if (!Boolean.getBoolean("runtime.server-per-deployment")) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!portFree()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(RUNTIME + ": port " + PORT + " still taken after 60 s; is an earlier server left running?");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for port " + PORT, e);
            }
        }
    }

    private static boolean portFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static String base(String name) {
        return "http://localhost:" + PORT + "/" + name;
    }

    static String simulatorUrl(String name) {
        return base(name) + "/simulator/pictoryapis";
    }

    static String webhookUrl(String name) {
        return base(name) + "/consumer/webhook";
    }

    static SimulatorControl simulator(String name) {
        return SimulatorControl.at(URI.create(simulatorUrl(name)));
    }

    /** A call of the consumer's own API under {@code /consumer/}. */
    static HttpResponse<String> call(String name, String method, String path, String json) throws Exception {
        return TestHttp.send(method, URI.create(base(name) + "/consumer/" + path), json);
    }

    /** {@link #call} that must answer {@code status}; its JSON body. */
    static JsonObject json(String name, String method, String path, String json, int status) throws Exception {
        HttpResponse<String> response = call(name, method, path, json);
        if (response.statusCode() != status) {
            throw new AssertionError(RUNTIME + ": " + method + " " + path + " answered " + response.statusCode()
                    + ", not " + status + ": " + response.body());
        }
        return TestHttp.json(response);
    }

    /** The job's record once its image is kept (within 20 s), as {@code GET jobs/{id}/record} answers it. */
    static JsonObject awaitKept(String name, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonObject record = json(name, "GET", "jobs/" + jobId + "/record", null, 200);
        while (!"KEPT".equals(record.getString("keptImage")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            record = json(name, "GET", "jobs/" + jobId + "/record", null, 200);
        }
        if (!"KEPT".equals(record.getString("keptImage"))) {
            throw new AssertionError(RUNTIME + ": the image of " + jobId + " was not kept within 20 s: " + record);
        }
        return record;
    }

    private static File jar(String what, String path) {
        File jar = new File(System.getProperty(what, path));
        if (!jar.isFile()) {
            throw new IllegalStateException("Build the jars first (mvn verify does): " + what + " at " + jar.getAbsolutePath());
        }
        return jar;
    }
}
