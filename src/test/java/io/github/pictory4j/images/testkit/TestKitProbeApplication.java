package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.it.EndEvents;
import io.github.pictory4j.images.it.ProbeErrors;
import io.github.pictory4j.images.it.ProbeResource;
import io.github.pictory4j.images.it.ProbeWebhook;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The probe app of the test-kit tests: the injected {@code ImageService} over HTTP, its webhook
 * endpoint and its events. It lists its classes so that the simulator's resources, in the same WAR,
 * are not served here too.
 */
@ApplicationPath("/probe")
public class TestKitProbeApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProbeResource.class, ProbeErrors.class, ProbeErrors.Violations.class, ProbeWebhook.class,
                EndEvents.class);
    }
}
