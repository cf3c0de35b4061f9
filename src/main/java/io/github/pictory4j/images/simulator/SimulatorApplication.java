package io.github.pictory4j.images.simulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The Pictory simulator's REST API, under {@code /simulator/pictoryapis}: point any Pictory client's
 * base URL there (for example {@code http://localhost:9080/simulator/pictoryapis}).
 *
 * <p>It lists its classes so that it serves only the simulator, whatever else the WAR holds. It
 * answers 404 everywhere unless {@code pictory.simulator.enabled=true}. Beside Pictory's paths, its
 * control API ({@code /simulator-control}, {@link ControlResource}) lets tests script it.
 */
@ApplicationPath("/simulator/pictoryapis")
public class SimulatorApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ImageJobsResource.class, JobsResource.class, ImageFilesResource.class, TrafficResource.class,
                ControlResource.class);
    }
}
