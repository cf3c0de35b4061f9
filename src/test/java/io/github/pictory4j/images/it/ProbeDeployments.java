package io.github.pictory4j.images.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Test WARs built the way users build theirs: the module's client jar in {@code WEB-INF/lib}, plus a
 * small resource that injects {@code ImageService}.
 */
final class ProbeDeployments {

    static final String CLIENT_JAR = System.getProperty("pictory.client.jar", "target/pictory-images-client.jar");
    static final String TEST_KEY = "pictai_it_from_app_properties_7c1e";

    private ProbeDeployments() {
    }

    /** A probe app against the WireMock Pictory, whose microprofile-config.properties adds {@code settings}. */
    static WebArchive probe(String name, String settings) {
        return probe(name, "pictory/mp-rest/url=" + PictoryStub.pictoryBaseUrl() + "\n"
                + "pictory/mp-rest/readTimeout=3000\n"
                + "pictory.retry.base-delay=10ms\n"
                + "pictory.retry.max-delay=50ms\n"
                + settings, new Class<?>[0]);
    }

    /** A probe app with exactly this configuration (lowest precedence) and these extra classes. */
    static WebArchive probe(String name, String config, Class<?>... extraClasses) {
        File clientJar = new File(CLIENT_JAR);
        if (!clientJar.isFile()) {
            throw new IllegalStateException("Build the client jar first (mvn verify does): " + clientJar.getAbsolutePath());
        }
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(ProbeApplication.class, ProbeResource.class, ProbeErrors.class, ProbeErrors.Violations.class)
                .addClasses(extraClasses)
                .addAsLibrary(clientJar)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    static HttpResponse<String> call(String method, URI uri, String json) throws Exception {
        return TestHttp.send(method, uri, json);
    }
}
