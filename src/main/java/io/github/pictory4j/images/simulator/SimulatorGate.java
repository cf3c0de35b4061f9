package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may use the simulator, and what a test scripted for them: nobody while it is switched off (404,
 * as if it were not there), and only callers with a key on Pictory's API endpoints (401): the configured
 * key, or a scope's ({@link SimulatorScopes}). The key picks the scope: every request that reaches a
 * Pictory endpoint of a simulator that is on is recorded in its scope and gets the scope's next fault
 * that matches it, if any, before its key is checked, as a proxy in front of Pictory would answer. A
 * request with no key, or a wrong one, belongs to the default scope (a keyless download, to its job's).
 *
 * <p>The resources call it themselves rather than through a JAX-RS filter, so that the checks hold
 * even if another {@code Application} of the WAR also serves the simulator's classes; and it answers
 * with a {@link Response} rather than an exception, so that no app-wide exception mapper can turn a
 * refusal into something else.
 */
@ApplicationScoped
public class SimulatorGate {

    /** An endpoint's work, for a caller of {@code scope}. */
    @FunctionalInterface
    public interface Endpoint {
        Response answer(SimulatorSettings settings, SimulatorScope scope);
    }

    @Inject
    Config config;

    @Inject
    SimulatorScopes scopes;

    private final Clock clock = Clock.systemUTC();

    /**
     * Runs a Pictory API endpoint for a caller that sent a key. Every call is counted, refused or not.
     *
     * @return null when a scripted reset closed the connection (see {@link FaultResponses#serve})
     */
    public Response forApi(IncomingCall call, Endpoint endpoint) {
        return serve(call, true, Optional.empty(), endpoint);
    }

    /** For the simulator's own inspection and control endpoints: not counted, recorded or faulted. */
    public Response forInspection(String authorization, Endpoint endpoint) {
        SimulatorSettings settings = SimulatorSettings.from(config);
        if (!settings.enabled()) {
            return PictoryJson.response(404, PictoryJson.disabled());
        }
        return scopes.forKey(authorization, settings)
                .map(scope -> endpoint.answer(settings, scope))
                .orElseGet(() -> PictoryJson.response(401, PictoryJson.unauthorized()));
    }

    /**
     * Runs an endpoint that needs no key, like Pictory's direct download links, in scope {@code ownerId}
     * (the job's) when it is known; null as for {@link #forApi}.
     */
    public Response forAnyone(IncomingCall call, Optional<String> ownerId, Endpoint endpoint) {
        return serve(call, false, ownerId, endpoint);
    }

    private Response serve(IncomingCall call, boolean needsKey, Optional<String> ownerId, Endpoint endpoint) {
        SimulatorSettings settings = SimulatorSettings.from(config);
        if (!settings.enabled()) {
            return PictoryJson.response(404, PictoryJson.disabled());
        }
        Optional<SimulatorScope> keyed = scopes.forKey(call.authorization(), settings);
        KeyCheck key = keyed.isPresent() ? KeyCheck.ACCEPTED : settings.check(call.authorization());
        SimulatorScope scope = ownerId.flatMap(scopes::byId).or(() -> keyed).orElse(scopes.defaultScope());
        if (needsKey) {
            scope.countApiRequest();
        }
        RecordedRequest received = call.record(clock.instant(), key, null);
        Optional<Fault> fault = scope.faults().next(received);
        scope.requests().add(fault.map(received::withFaultServed).orElse(received));
        Supplier<Response> normal = () -> !needsKey || keyed.isPresent()
                ? endpoint.answer(settings, scope) : PictoryJson.response(401, PictoryJson.unauthorized());
        // Not Optional.map: a reset's answer is null, which must not turn into the normal answer.
        return fault.isPresent() ? FaultResponses.serve(fault.get(), call, normal) : normal.get();
    }
}
