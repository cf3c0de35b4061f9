package io.github.pictory4j.images.simulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
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
    public Response job(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("jobId") String jobId) {
        return gate.forApi(authorization, settings -> jobs.read(jobId)
                .map(job -> PictoryJson.ok(PictoryJson.job(job, jobs.now())))
                .orElseGet(() -> PictoryJson.response(404, PictoryJson.jobNotFound())));
    }

    @DELETE
    @Path("clean")
    public Response clean(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("jobId") String jobId) {
        return gate.forApi(authorization, settings -> switch (jobs.clean(jobId)) {
            case CLEANED -> PictoryJson.ok(PictoryJson.cleaned());
            case NOT_FINISHED -> PictoryJson.response(400, PictoryJson.notFinished());
            case UNKNOWN -> PictoryJson.response(404, PictoryJson.jobNotFound());
        });
    }
}
