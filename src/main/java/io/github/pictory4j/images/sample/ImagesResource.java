package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.KeptImage;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sample's image API: submit, follow and list jobs, through the module only. The jobs are the module's job
 * store ({@code ImageService.jobs()}), so they survive restarts and every instance on the same database lists the
 * same ones; their images are served from the store, whether or not Pictory still has them.
 *
 * <p>Each submission is charged to the signed-in caller (the module does it: {@code pictory.budget.teams}), and a
 * job belongs to whoever it was charged to. A user sees, lists and downloads their own jobs only: another's answers
 * 404, exactly as a job that does not exist, so that nothing tells whether it does. An admin sees every job.
 */
@Path("/images")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImagesResource {

    /** Jobs the list shows at most. */
    static final int LIST_LIMIT = 200;

    @Inject
    ImageService images;

    @Inject
    EventLedger ledger;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Start generating an image", description = "Validates the request with Pictory's rules,"
            + " records it, then submits it. Answers at once; follow the job at its Location.")
    @APIResponse(responseCode = "202", description = "Accepted: the job is running")
    @APIResponse(responseCode = "400", description = "Invalid input; nothing was sent to Pictory",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "The credit budget (pictory.budget.*) has no room for this image"
            + " until the period resets (Retry-After, in seconds; the body's budget says which limit, what is spent and"
            + " reserved); nothing was sent to Pictory", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "502", description = "Pictory refused the request or the key")
    @APIResponse(responseCode = "503", description = "Pictory is unavailable (after retries), or the job store is"
            + " (then nothing was sent)")
    @APIResponse(responseCode = "504", description = "Pictory did not answer in time")
    public Response submit(@Context UriInfo uri, @RequestBody(content = @Content(schema = @Schema(implementation = ImageForm.class)))
                           JsonValue body) {
        if (!(body instanceof JsonObject json)) {
            throw new InvalidBodyException("The body must be a JSON object: " + RequestErrors.EXPECTED_SHAPE);
        }
        String jobId = images.submit(ImageForm.from(json).toRequest());
        ledger.record(jobId, "submitted");
        return Response.accepted(Map.of("jobId", jobId, "status", "in-progress"))
                // Absolute: a relative Location would be resolved against /api/ a second time.
                .location(uri.getAbsolutePathBuilder().segment(jobId).build())
                .build();
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "A job of this app, with Pictory's latest state",
            description = "As the module recorded it: it follows every job to its end, so asking here never calls Pictory.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No job with this id was submitted through this app by the caller"
            + " (an admin sees every job)")
    public JobView job(@PathParam("jobId") String jobId) {
        return JobView.of(record(jobId));
    }

    @GET
    @Path("/{jobId}/image")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "The job's PNG, as this app keeps it",
            description = "Served from the job store, whether or not Pictory still has the file.")
    @APIResponse(responseCode = "200", description = "The PNG", content = @Content(mediaType = "image/png"))
    @APIResponse(responseCode = "404", description = "No such job")
    @APIResponse(responseCode = "409", description = "The job has not completed (it runs, failed or was cleaned)")
    @APIResponse(responseCode = "503", description = "The job completed and its image is being kept: try again shortly")
    @APIResponse(responseCode = "502", description = "The image could not be kept (the reason is in the message)")
    public Response image(@PathParam("jobId") String jobId) {
        JobRecord record = record(jobId); // first: only the job's owner (or an admin) gets its image
        Optional<KeptImage> kept = images.keptImage(jobId);
        if (kept.isPresent()) {
            KeptImage png = kept.get();
            StreamingOutput stream = png::writeTo;
            return Response.ok(stream, png.contentType()).header("Content-Length", png.sizeBytes())
                    .header("Cache-Control", "private, max-age=86400, immutable").build();
        }
        if (!record.lastSeen().isCompleted()) {
            return PictoryErrors.json(409, ErrorBody.of("Job " + jobId + " is " + record.lastSeen().status()
                    + ": it has no image"));
        }
        if (record.image().status() == JobRecord.KeptImageState.Status.FAILED) {
            return PictoryErrors.json(502, ErrorBody.of("The image of job " + jobId + " could not be kept: "
                    + record.image().problem()));
        }
        return Response.status(503).type(MediaType.APPLICATION_JSON).header(HttpHeaders.RETRY_AFTER, 2)
                .entity(ErrorBody.of("The image of job " + jobId + " is being kept; try again in a moment")).build();
    }

    @GET
    @Operation(summary = "The caller's jobs, newest first (at most " + LIST_LIMIT + "); an admin's list has everyone's")
    public List<JobView> list() {
        List<JobRecord> jobs = caller.admin() ? images.jobs(LIST_LIMIT) : images.jobs(caller.scope(), LIST_LIMIT);
        return jobs.stream().map(JobView::of).toList();
    }

    /** The job, when the caller may see it; else 404, as for a job that does not exist. */
    private JobRecord record(String jobId) {
        return images.job(jobId).filter(caller::maySee).orElseThrow(() -> new NotFoundException("No job " + jobId));
    }
}
