package io.github.pictory4j.images.simulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /simulator-traffic} and {@code /simulator-traffic/jobs/{jobId}}: a simulator extension, not
 * part of Pictory's API. It tells how many requests reached the simulator, how many times a job's
 * state was read and how many callbacks were made, so that tests and
 * benchmarks can measure a client's polling economy, and the webhook URL it calls. Needs the
 * simulator's key, like the API. The job's part is the control API's, kept at this path too for the
 * tests and benchmarks that read it here.
 */
@Path("/simulator-traffic")
@RequestScoped
public class TrafficResource {

    @Inject
    SimulatorGate gate;

    @Inject
    ControlResource control;

    /** {@code GET /simulator-traffic}: requests that reached the Pictory API endpoints, in all, in the key's scope. */
    @GET
    public Response total(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return gate.forInspection(authorization, (settings, scope) ->
                PictoryJson.ok(Json.createObjectBuilder().add("apiRequests", scope.apiRequests()).build()));
    }

    /** {@code GET /simulator-traffic/jobs/{jobId}}: the control API's {@code GET /simulator-control/jobs/{jobId}}. */
    @GET
    @Path("jobs/{jobId}")
    public Response traffic(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("jobId") String jobId) {
        return control.job(authorization, jobId);
    }
}
