package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /images/{jobId}.png}: a completed job's image. Like Pictory's direct download links it
 * needs no key, and it is gone once the job is cleaned or forgotten. The request is recorded in the
 * scope of the job's submitter.
 */
@Path("/images")
@RequestScoped
public class ImageFilesResource {

    public static final String IMAGE_PNG = "image/png";

    @Inject
    SimulatorGate gate;

    @Inject
    SimulatedJobs jobs;

    @GET
    @Path("{jobId}.png")
    public Response png(@Context HttpServletRequest request, @Context HttpServletResponse response,
                        @PathParam("jobId") String jobId) {
        IncomingCall call = new IncomingCall(PictoryEndpoint.DOWNLOAD_IMAGE, request, response, null);
        return gate.forAnyone(call, jobs.owner(jobId), (settings, scope) -> jobs.image(jobId)
                .map(png -> Response.ok(png, IMAGE_PNG).build())
                .orElseGet(() -> PictoryJson.response(404, PictoryJson.imageNotFound())));
    }
}
