package io.github.pictory4j.images.simulator.arquillian;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An Arquillian deployment with the Pictory simulator beside the app, and the app's client pointed at it,
 * in one expression and with no build plumbing:
 *
 * <pre>{@code
 * @Deployment(testable = false)
 * static WebArchive app() {
 *     return PictorySimulatorDeployment.of(ShrinkWrap.create(WebArchive.class, "pictures.war")
 *             .addClasses(PictureApplication.class, PictureResource.class))
 *         .with("pictory.simulator.job-duration", "200ms")
 *         .build();
 * }
 * }</pre>
 *
 * <p>It adds the client jar and the simulator jar that the test already has on its class path (its
 * dependencies), so their paths never travel through system properties. The settings go into a jar of their
 * own whose {@code META-INF/microprofile-config.properties} ranks just above the app's own file
 * ({@value #ORDINAL}), so that the app keeps its file, and the environment and system properties still win.
 *
 * <p>The key is one setting: {@code pictory.api-key} is the expression {@code ${pictory.simulator.api-key}}.
 * The URL needs no port from the test: {@code pictory/mp-rest/url} holds a property expression that the
 * server resolves, by default Open Liberty's {@code ${http.port}} variable (other runtimes: {@link #port}).
 */
public final class PictorySimulatorDeployment {

    /** Above a {@code microprofile-config.properties}'s default of 100, below the environment's 300. */
    public static final int ORDINAL = 110;
    /** Open Liberty: a {@code <variable>} of server.xml, which Liberty's MicroProfile Config reads. */
    public static final String LIBERTY_PORT = "${http.port}";

    private final WebArchive app;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String port = LIBERTY_PORT;
    private String key = SimulatorKeys.DEFAULT_API_KEY;

    private PictorySimulatorDeployment(WebArchive app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /** The app's archive, to which the client, the simulator and their settings are added. */
    public static PictorySimulatorDeployment of(WebArchive app) {
        return new PictorySimulatorDeployment(app);
    }

    /** Any other setting of the module or the simulator, such as {@code pictory.poll.interval=100ms}. */
    public PictorySimulatorDeployment with(String property, String value) {
        settings.put(Objects.requireNonNull(property, "property"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * How the server's HTTP port is written in its configuration, as a MicroProfile Config expression or a
     * number: {@value #LIBERTY_PORT} on Open Liberty (the default); see the test kit's guide for the others.
     */
    public PictorySimulatorDeployment port(String portExpression) {
        this.port = Objects.requireNonNull(portExpression, "portExpression");
        return this;
    }

    /** The simulator's key, which the app's client then sends too ({@value SimulatorKeys#DEFAULT_API_KEY} by default). */
    public PictorySimulatorDeployment key(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("key: must not be blank; leave it out for "
                    + SimulatorKeys.DEFAULT_API_KEY);
        }
        this.key = apiKey;
        return this;
    }

    /** The app with the client jar, the simulator jar, and the settings that join them. */
    public WebArchive build() {
        JavaArchive config = ShrinkWrap.create(JavaArchive.class, "pictory-simulator-settings.jar")
                .addAsManifestResource(new StringAsset(settings()), "microprofile-config.properties");
        return app.addAsLibraries(jarOf("io/github/pictory4j/images/client/ImageService.class", "client"),
                jarOf("io/github/pictory4j/images/simulator/SimulatorApplication.class", "simulator"))
                .addAsLibrary(config);
    }

    /** The settings jar's {@code microprofile-config.properties}. */
    String settings() {
        String contextRoot = app.getName().replaceFirst("\\.war$", "");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("config_ordinal", Integer.toString(ORDINAL));
        all.put(SimulatorKeys.ENABLED, "true");
        all.put(SimulatorKeys.API_KEY, key);
        all.put("pictory.api-key", "${" + SimulatorKeys.API_KEY + "}");
        all.put("pictory/mp-rest/url", "http://localhost:" + port + "/" + contextRoot + "/simulator/pictoryapis");
        all.putAll(settings);
        return all.entrySet().stream().map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * The simulator of the app at {@code app} (its {@code @ArquillianResource URL}), with the default key: a
     * deployment that set another passes it to {@link SimulatorControl#at(URI, String)} itself.
     */
    public static SimulatorControl control(URL app) {
        String base = app.toString();
        return SimulatorControl.at(URI.create((base.endsWith("/") ? base : base + "/") + "simulator/pictoryapis"));
    }

    /** The jar on the test's class path that holds {@code resource}, which is this project's {@code classifier} jar. */
    static File jarOf(String resource, String classifier) {
        URL url = PictorySimulatorDeployment.class.getClassLoader().getResource(resource);
        String dependency = "io.github.pictory4j:pictory-images with <classifier>" + classifier + "</classifier>";
        if (url == null) {
            throw new IllegalStateException("The test's class path has no " + resource + ": add the test dependency "
                    + dependency + ".");
        }
        if (!"jar".equals(url.getProtocol())) {
            throw new IllegalStateException(resource + " is on the class path at " + url + ", not in a jar: the"
                    + " deployment needs the " + classifier + " jar itself, " + dependency + ".");
        }
        String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
        try {
            return new File(new URL(file).toURI());
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException("Cannot read the " + classifier + " jar's path from " + url, e);
        }
    }
}
