package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.pictory4j.images.simulator.control.RequestPattern.jobReads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The key of a request picks its scope: the faults it may get, where it is recorded, what the endpoint sees. */
class SimulatorGateTest {

    private static final String KEY = SimulatorKeys.DEFAULT_API_KEY;

    private final SimulatorGate gate = new SimulatorGate();
    private final SimulatorScopes scopes = new SimulatorScopes(1);
    private final AtomicReference<SimulatorScope> served = new AtomicReference<>();

    SimulatorGateTest() {
        gate.scopes = scopes;
        gate.config = new SmallRyeConfigBuilder().withSources(new MapBackedConfigSource("test",
                Map.of(SimulatorKeys.ENABLED, "true"), 500) {
        }).build();
    }

    /** A read of {@code jobId} with {@code authorization} (null: none), as the servlet container hands it over. */
    private static IncomingCall read(String jobId, String authorization) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SimulatorGateTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getHeaders" -> Collections.enumeration(List.of(headers.get((String) args[0])));
                    case "getMethod" -> "GET";
                    case "getContextPath" -> "/app";
                    case "getServletPath" -> "/simulator/pictoryapis";
                    case "getRequestURI" -> "/app/simulator/pictoryapis/v1/jobs/" + jobId;
                    case "getQueryString" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new IncomingCall(PictoryEndpoint.GET_JOB, request, null, null);
    }

    private int serve(IncomingCall call) {
        return gate.forApi(call, (settings, scope) -> {
            served.set(scope);
            return Response.ok().build();
        }).getStatus();
    }

    @Test
    void aScopesRequestsGetItsFaultsAloneAndAreRecordedThereAlone() {
        String key = scopes.issue();
        SimulatorScope mine = scopes.forKey(key, SimulatorSettings.DEFAULT).orElseThrow();
        mine.faults().add(jobReads().withJobId("job-1"), 1, 1, Fault.status(503));
        scopes.defaultScope().faults().add(jobReads(), 1, 1, Fault.status(500));

        assertEquals(503, serve(read("job-1", key)));
        assertEquals(200, serve(read("job-1", key)));
        assertSame(mine, served.get());
        assertEquals(500, serve(read("job-1", KEY)), "the default scope's fault, untouched by the other's requests");

        List<RecordedRequest> recorded = mine.requests().all();
        assertEquals(Fault.status(503), recorded.get(0).faultServed());
        assertNull(recorded.get(1).faultServed());
        assertEquals(1, scopes.defaultScope().requests().all().size());
        assertEquals(2, mine.apiRequests());
        assertEquals(1, scopes.defaultScope().apiRequests());
    }

    @Test
    void aForgottenOrWrongKeyIsRefusedAndRecordedInTheDefaultScope() {
        String forgotten = scopes.issue();
        scopes.issue(); // beyond the capacity of 1: the first is forgotten

        assertEquals(401, serve(read("job-1", forgotten)));
        assertEquals(401, serve(read("job-1", "Bearer " + KEY)));
        assertEquals(401, serve(read("job-1", null)));

        assertEquals(List.of(KeyCheck.REFUSED, KeyCheck.REFUSED, KeyCheck.ABSENT),
                scopes.defaultScope().requests().all().stream().map(RecordedRequest::key).toList());
    }
}
