package io.github.pictory4j.images.example;

import io.github.pictory4j.images.client.ImageJobFailedException;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** POST a prompt, get the picture's URL. */
@Path("pictures")
@RequestScoped
public class PictureResource {

    @Inject
    ImageService images;

    @POST
    public Response create(String prompt) {
        try {
            return Response.ok(images.generate(ImageRequest.builder(prompt).build()).url()).build();
        } catch (ImageJobFailedException failed) {
            return Response.status(422).entity(failed.errorCode().orElse("failed")).build();
        }
    }
}
