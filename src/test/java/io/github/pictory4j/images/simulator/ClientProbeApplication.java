package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.it.ProbeErrors;
import io.github.pictory4j.images.it.ProbeResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The probe that exposes the injected {@code ImageService} over HTTP, listing its classes so that it
 * does not also pick up the simulator's resources.
 */
@ApplicationPath("/probe")
public class ClientProbeApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProbeResource.class, ProbeErrors.class, ProbeErrors.Violations.class);
    }
}
