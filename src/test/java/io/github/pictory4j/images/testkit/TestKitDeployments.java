package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.it.EndEvents;
import io.github.pictory4j.images.it.ProbeErrors;
import io.github.pictory4j.images.it.ProbeResource;
import io.github.pictory4j.images.it.ProbeWebhook;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;

/**
 * Test WARs built as a user of the test kit builds them: the simulator's jar (and, for an app, the
 * client's jar) in {@code WEB-INF/lib}, never the classes of this build, so that the packaging is
 * tested too.
 */
final class TestKitDeployments {

    static final String PORT = System.getProperty("liberty.http.port", "9080");
    static final String KEY = SimulatorKeys.DEFAULT_API_KEY;

    private TestKitDeployments() {
    }

    /** The simulator jar alone, with {@code config} as the WAR's configuration. */
    static WebArchive simulatorOnly(String name, String config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(jar("pictory.simulator.jar", "target/pictory-images-simulator.jar"))
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    /**
     * An app injecting {@code ImageService} (the probe of the {@code it} tests, with its webhook
     * endpoint and event counter) with the client and simulator jars, its client pointed at its own
     * simulator, switched on. {@code settings} are added to the configuration.
     */
    static WebArchive probeWithSimulator(String name, String settings) {
        return simulatorOnly(name, SimulatorKeys.ENABLED + "=true\n"
                        + "pictory.api-key=" + KEY + "\n"
                        + "pictory/mp-rest/url=" + simulatorUrl(name) + "\n"
                        + settings)
                .addAsLibrary(jar("pictory.client.jar", "target/pictory-images-client.jar"))
                .addClasses(TestKitProbeApplication.class, ProbeResource.class, ProbeErrors.class,
                        ProbeErrors.Violations.class, ProbeWebhook.class, EndEvents.class);
    }

    /** The simulator's base URL in the WAR called {@code name}. */
    static String simulatorUrl(String name) {
        return "http://localhost:" + PORT + "/" + name + "/simulator/pictoryapis";
    }

    static SimulatorControl control(String name) {
        return SimulatorControl.at(URI.create(simulatorUrl(name)));
    }

    /** The probe's URL in the WAR called {@code name}, followed by {@code path}. */
    static URI probe(String name, String path) {
        return URI.create("http://localhost:" + PORT + "/" + name + "/probe/" + path);
    }

    private static File jar(String property, String built) {
        File jar = new File(System.getProperty(property, built));
        if (!jar.isFile()) {
            throw new IllegalStateException("Build the jars first (mvn verify does; " + property + " names them): "
                    + jar.getAbsolutePath());
        }
        return jar;
    }
}
