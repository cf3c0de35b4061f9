package io.github.pictory4j.images.client;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The settings' classes refer to each other's constants ({@code PictorySettings.DEFAULT} holds
 * {@code RetryPolicy.DEFAULT}): whichever a JVM touches first, both initialise. Each case loads the module's
 * classes afresh, so that its class is the first one touched, as in a container whose first call reads the
 * configuration.
 */
class SettingsInitialisationTest {

    @ParameterizedTest
    @ValueSource(strings = {"RetryPolicy", "PictorySettings", "StoreSettings", "BudgetSettings", "TelemetrySettings"})
    void theConfigurationReadsWhicheverSettingsClassIsTouchedFirst(String first) throws Exception {
        Config empty = new SmallRyeConfigBuilder().build();
        try (URLClassLoader fresh = new ModuleFirst(getClass().getClassLoader())) {
            Class.forName("io.github.pictory4j.images.client." + first, true, fresh);
            Object read = fresh.loadClass("io.github.pictory4j.images.client.internal.config.PictoryConfig")
                    .getMethod("read", Config.class).invoke(null, empty);
            assertNotNull(read);
        }
    }

    /** Loads the module's own classes itself, everything else from the test's class path. */
    private static final class ModuleFirst extends URLClassLoader {
        ModuleFirst(ClassLoader parent) throws Exception {
            super(new URL[] {Path.of("target/classes").toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.github.pictory4j.images.client")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
