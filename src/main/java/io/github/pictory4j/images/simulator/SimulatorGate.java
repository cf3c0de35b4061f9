package io.github.pictory4j.images.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Who may use the simulator: nobody while it is switched off (404, as if it were not there), and
 * only callers with the key on Pictory's API endpoints (401).
 *
 * <p>The resources call it themselves rather than through a JAX-RS filter, so that the checks hold
 * even if another {@code Application} of the WAR also serves the simulator's classes; and it answers
 * with a {@link Response} rather than an exception, so that no app-wide exception mapper can turn a
 * refusal into something else.
 */
@ApplicationScoped
public class SimulatorGate {

    @Inject
    Config config;

    private final AtomicLong apiRequests = new AtomicLong();

    /** Runs a Pictory API endpoint for a caller that sent the key. Every call is counted, refused or not. */
    public Response forApi(String authorization, Function<SimulatorSettings, Response> endpoint) {
        apiRequests.incrementAndGet();
        return forInspection(authorization, endpoint);
    }

    /** How many requests reached the simulator's Pictory API endpoints since it started. */
    public long apiRequests() {
        return apiRequests.get();
    }

    /** Like {@link #forApi}, for the simulator's own inspection endpoints, which are not counted. */
    public Response forInspection(String authorization, Function<SimulatorSettings, Response> endpoint) {
        SimulatorSettings settings = SimulatorSettings.from(config);
        if (!settings.enabled()) {
            return PictoryJson.response(404, PictoryJson.disabled());
        }
        if (!settings.accepts(authorization)) {
            return PictoryJson.response(401, PictoryJson.unauthorized());
        }
        return endpoint.apply(settings);
    }

    /** Runs an endpoint that needs no key, like Pictory's direct download links. */
    public Response forAnyone(Function<SimulatorSettings, Response> endpoint) {
        SimulatorSettings settings = SimulatorSettings.from(config);
        if (!settings.enabled()) {
            return PictoryJson.response(404, PictoryJson.disabled());
        }
        return endpoint.apply(settings);
    }
}
