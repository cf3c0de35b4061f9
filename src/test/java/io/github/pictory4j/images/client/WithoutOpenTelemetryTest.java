package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The module on a runtime without MicroProfile Telemetry: its classes loaded where no OpenTelemetry class
 * can be, a whole job run, no telemetry and no error; and no class but the loader's probe ever asked for
 * an OpenTelemetry type (every reference to one is behind the seam that is not loaded then).
 */
class WithoutOpenTelemetryTest {

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Loads the module's (and this test's) classes itself, and refuses every OpenTelemetry class. */
    static final class NoOpenTelemetry extends URLClassLoader {
        final List<String> refused = new CopyOnWriteArrayList<>();

        NoOpenTelemetry(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.opentelemetry.")) {
                refused.add(name);
                throw new ClassNotFoundException(name + " (no MicroProfile Telemetry on this runtime)");
            }
            if (!name.startsWith("io.github.pictory4j.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> found = findLoadedClass(name);
                if (found == null) {
                    found = findClass(name);
                }
                if (resolve) {
                    resolveClass(found);
                }
                return found;
            }
        }
    }

    @Test
    void aJobRunsWithNoTelemetryAndNoClassAsksForAnOpenTelemetryTypeButTheProbe() throws Exception {
        pictory.stubFor(post("/pictoryapis/v1/aistudio/images")
                .willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-untraced\"}}")));
        pictory.stubFor(get("/pictoryapis/v1/jobs/job-untraced").willReturn(okJson("{\"success\":true,\"data\":"
                + "{\"status\":\"completed\",\"url\":\"https://cdn.example.com/a.png\",\"aiCreditsUsed\":2}}")));
        URL[] classes = {PictoryClient.class.getProtectionDomain().getCodeSource().getLocation(),
                WithoutOpenTelemetryTest.class.getProtectionDomain().getCodeSource().getLocation()};

        try (NoOpenTelemetry runtime = new NoOpenTelemetry(classes, WithoutOpenTelemetryTest.class.getClassLoader())) {
            Object outcome = runtime.loadClass(UntracedJob.class.getName()).getMethod("run", String.class, String.class)
                    .invoke(null, pictory.baseUrl() + "/pictoryapis", RestClients.KEY);

            assertEquals("telemetry NONE, job completed", outcome);
            assertEquals(Set.of("io.opentelemetry.api.OpenTelemetry"), Set.copyOf(runtime.refused), "only the probe");
        }
    }
}
