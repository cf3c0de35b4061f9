package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who may use the simulator, and what a test scripted for them: nobody while it is switched off (404,
 * as if it were not there), and only callers with the key on Pictory's API endpoints (401). Every
 * request that reaches a Pictory endpoint of a simulator that is on is recorded and gets the next fault
 * scripted for that endpoint, if any, before its key is checked, as a proxy in front of Pictory would
 * answer.
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

    @Inject
    ScriptedFaults faults;

    @Inject
    RequestLog requests;

    private final Clock clock = Clock.systemUTC();
    private final AtomicLong apiRequests = new AtomicLong();

    /**
     * Runs a Pictory API endpoint for a caller that sent the key. Every call is counted, refused or not.
     *
     * @return null when a scripted reset closed the connection (see {@link FaultResponses#serve})
     */
    public Response forApi(IncomingCall call, Function<SimulatorSettings, Response> endpoint) {
        apiRequests.incrementAndGet();
        return serve(call, true, endpoint);
    }

    /** How many requests reached the simulator's Pictory API endpoints since it started or was reset. */
    public long apiRequests() {
        return apiRequests.get();
    }

    /** Starts counting {@link #apiRequests()} again. */
    public void resetCount() {
        apiRequests.set(0);
    }

    /** For the simulator's own inspection and control endpoints: not counted, recorded or faulted. */
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

    /** Runs an endpoint that needs no key, like Pictory's direct download links; null as for {@link #forApi}. */
    public Response forAnyone(IncomingCall call, Function<SimulatorSettings, Response> endpoint) {
        return serve(call, false, endpoint);
    }

    private Response serve(IncomingCall call, boolean needsKey, Function<SimulatorSettings, Response> endpoint) {
        SimulatorSettings settings = SimulatorSettings.from(config);
        if (!settings.enabled()) {
            return PictoryJson.response(404, PictoryJson.disabled());
        }
        KeyCheck key = settings.check(call.authorization());
        Optional<Fault> fault = faults.next(call.endpoint());
        requests.add(call.record(clock.instant(), key, fault.orElse(null)));
        Supplier<Response> normal = () -> !needsKey || key == KeyCheck.ACCEPTED
                ? endpoint.apply(settings) : PictoryJson.response(401, PictoryJson.unauthorized());
        // Not Optional.map: a reset's answer is null, which must not turn into the normal answer.
        return fault.isPresent() ? FaultResponses.serve(fault.get(), call, normal) : normal.get();
    }
}
