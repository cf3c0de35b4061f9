package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.Map;

/** The sample's image API: submit, follow and list this app's jobs, through the module only. */
@Path("/images")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImagesResource {

    @Inject
    ImageService images;

    @Inject
    JobHistory history;

    @POST
    @Operation(summary = "Start generating an image", description = "Validates the request with Pictory's rules,"
            + " then submits it. Answers at once; follow the job at its Location.")
    @APIResponse(responseCode = "202", description = "Accepted: the job is running")
    @APIResponse(responseCode = "400", description = "Invalid input; nothing was sent to Pictory",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "502", description = "Pictory refused the request or the key")
    @APIResponse(responseCode = "503", description = "Pictory is unavailable (after retries)")
    @APIResponse(responseCode = "504", description = "Pictory did not answer in time")
    public Response submit(@Context UriInfo uri, @RequestBody(content = @Content(schema = @Schema(implementation = ImageForm.class)))
                           JsonValue body) {
        if (!(body instanceof JsonObject json)) {
            throw new InvalidBodyException("The body must be a JSON object: " + RequestErrors.EXPECTED_SHAPE);
        }
        ImageRequest request = ImageForm.from(json).toRequest();
        String jobId = images.submit(request);
        history.add(jobId, request);
        return Response.accepted(Map.of("jobId", jobId, "status", "in-progress"))
                // Absolute: a relative Location would be resolved against /api/ a second time.
                .location(uri.getAbsolutePathBuilder().segment(jobId).build())
                .build();
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "A job of this app, with Pictory's latest state",
            description = "Pictory is asked at most once per poll interval per job, however many clients ask here.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No job with this id was submitted through this app")
    public JobView job(@PathParam("jobId") String jobId) {
        SubmittedJob known = history.find(jobId).orElseThrow(() -> new NotFoundException("No job " + jobId));
        if (!known.needsRefresh(history.clock().instant(), images.settings().pollInterval())) {
            return JobView.of(known);
        }
        return JobView.of(history.update(jobId, images.getJob(jobId)).orElse(known));
    }

    @GET
    @Operation(summary = "This app's jobs, newest first")
    public List<JobView> list() {
        return history.newestFirst().stream().map(JobView::of).toList();
    }
}
