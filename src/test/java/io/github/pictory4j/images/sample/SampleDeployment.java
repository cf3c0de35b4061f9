package io.github.pictory4j.images.sample;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The sample app as the build packaged it, for tests that deploy it whole. */
public final class SampleDeployment {

    /** The simulator's key in the tests: the sample makes one per run, which a test cannot know. */
    public static final String SIMULATOR_KEY = "pictai_simulator";

    private SampleDeployment() {
    }

    /**
     * The built WAR, with the embedded simulator's key set to {@link #SIMULATOR_KEY} (a jar of its own with a
     * configuration above the sample's defaults), so that tests can read the simulator.
     */
    public static WebArchive war() {
        return asBuilt().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "simulator-key-for-tests.jar")
                .addAsResource(new StringAsset("config_ordinal=200\npictory.simulator.api-key=" + SIMULATOR_KEY + "\n"),
                        "META-INF/microprofile-config.properties"));
    }

    /** The built WAR exactly ({@code pictory.war}, set by the build); its context root, {@code /}, is in its ibm-web-ext.xml. */
    public static WebArchive asBuilt() {
        return ShrinkWrap.create(ZipImporter.class, "pictory-images.war")
                .importFrom(new File(System.getProperty("pictory.war", "target/pictory-images.war")))
                .as(WebArchive.class);
    }
}
