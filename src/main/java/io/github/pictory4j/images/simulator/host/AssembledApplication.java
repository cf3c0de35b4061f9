package io.github.pictory4j.images.simulator.host;

import io.github.pictory4j.images.simulator.SimulatorApplication;
import jakarta.ws.rs.core.Application;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resources of {@link SimulatorApplication}, its own list, as instances wired by the assembly: JAX-RS
 * would otherwise create them itself, with their {@code @Inject} fields left empty.
 */
final class AssembledApplication extends Application {

    private final Set<Object> resources;

    AssembledApplication(SimulatorAssembly assembly) {
        this.resources = new SimulatorApplication().getClasses().stream()
                .map(assembly::instanceOf).collect(Collectors.toUnmodifiableSet());
    }

    /** Deprecated in Jakarta REST 3.1 for CDI's sake; without CDI it is how wired instances are handed over. */
    @Override
    @SuppressWarnings("deprecation")
    public Set<Object> getSingletons() {
        return resources;
    }
}
