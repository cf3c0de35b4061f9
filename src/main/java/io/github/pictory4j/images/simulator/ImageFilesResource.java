package io.github.pictory4j.images.simulator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /images/{jobId}.png}: a completed job's image. Like Pictory's direct download links it
 * needs no key, and it is gone once the job is cleaned or forgotten.
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
    public Response png(@PathParam("jobId") String jobId) {
        return gate.forAnyone(settings -> jobs.image(jobId)
                .map(png -> Response.ok(png, IMAGE_PNG).build())
                .orElseGet(() -> PictoryJson.response(404, PictoryJson.imageNotFound())));
    }
}
