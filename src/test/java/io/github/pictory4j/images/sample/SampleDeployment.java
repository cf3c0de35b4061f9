package io.github.pictory4j.images.sample;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The sample app exactly as the build packaged it, for tests that deploy it whole. */
public final class SampleDeployment {

    private SampleDeployment() {
    }

    /** The built WAR ({@code pictory.war}, set by the build); its context root, {@code /}, is in its ibm-web-ext.xml. */
    public static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "pictory-images.war")
                .importFrom(new File(System.getProperty("pictory.war", "target/pictory-images.war")))
                .as(WebArchive.class);
    }
}
