package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code GET /v1/jobs/{jobId}}: a job's state; {@code DELETE /v1/jobs/{jobId}/clean}: removes its outputs. */
@Path("/v1/jobs/{jobId}")
@RequestScoped
public class JobsResource {

    @Inject
    SimulatorGate gate;

    @Inject
    SimulatedJobs jobs;

    @GET
    public Response job(@Context HttpServletRequest request, @Context HttpServletResponse response,
                        @PathParam("jobId") String jobId) {
        return gate.forApi(new IncomingCall(PictoryEndpoint.GET_JOB, request, response, null), (settings, scope) ->
                jobs.read(scope, jobId, settings)
                        .map(job -> PictoryJson.ok(PictoryJson.job(job, jobs.now())))
                        .orElseGet(() -> PictoryJson.response(404, PictoryJson.jobNotFound())));
    }

    @DELETE
    @Path("clean")
    public Response clean(@Context HttpServletRequest request, @Context HttpServletResponse response,
                          @PathParam("jobId") String jobId) {
        return gate.forApi(new IncomingCall(PictoryEndpoint.CLEAN_JOB, request, response, null), (settings, scope) ->
                switch (jobs.clean(scope, jobId)) {
                    case CLEANED -> PictoryJson.ok(PictoryJson.cleaned());
                    case NOT_FINISHED -> PictoryJson.response(400, PictoryJson.notFinished());
                    case UNKNOWN -> PictoryJson.response(404, PictoryJson.jobNotFound());
                });
    }
}
