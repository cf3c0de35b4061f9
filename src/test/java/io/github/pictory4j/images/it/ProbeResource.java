package io.github.pictory4j.images.it;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImagePage;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Exposes the injected {@link ImageService} over HTTP so that tests outside the server can drive it. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    ImageService images;

    @POST
    @Path("images")
    public Map<String, String> submit(Map<String, String> fields) {
        ImageRequest request = ImageRequest.builder(fields.get("prompt")).model(fields.get("model"))
                .aspectRatio(fields.get("aspectRatio")).style(fields.get("style"))
                .referenceImageUrl(fields.get("referenceImageUrl")).webhook(fields.get("webhook")).build();
        return Map.of("jobId", images.submit(request));
    }

    @GET
    @Path("images")
    public ImagePage list() {
        return images.listImages();
    }

    @GET
    @Path("jobs/{id}")
    public ImageJob job(@PathParam("id") String id) {
        return images.getJob(id);
    }

    @DELETE
    @Path("jobs/{id}")
    public Map<String, Boolean> clean(@PathParam("id") String id) {
        images.cleanJob(id);
        return Map.of("cleaned", true);
    }

    @GET
    @Path("jobs/{id}/await")
    public ImageJob await(@PathParam("id") String id, @QueryParam("timeoutMs") Long timeoutMs) {
        return timeoutMs == null ? images.awaitJob(id) : images.awaitJob(id, Duration.ofMillis(timeoutMs));
    }

    @GET
    @Path("jobs/{id}/await-async")
    public CompletionStage<ImageJob> awaitAsync(@PathParam("id") String id) {
        return images.awaitJobAsync(id);
    }

    @GET
    @Path("thread")
    public Map<String, String> thread() {
        return Map.of("name", Thread.currentThread().getName());
    }
}
