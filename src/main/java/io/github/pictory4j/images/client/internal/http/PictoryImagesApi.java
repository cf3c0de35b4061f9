package io.github.pictory4j.images.client.internal.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * Pictory's image endpoints, declared for the MicroProfile REST client. The module builds it with
 * {@code RestClientBuilder} from {@code pictory/mp-rest/url}, {@code …/connectTimeout} and {@code …/readTimeout};
 * it is not a CDI bean, so no application can inject it and bypass the module's checks.
 *
 * <p>Internal: the wire as Pictory defines it. Apps use {@link io.github.pictory4j.images.client.ImageService}
 * or {@link io.github.pictory4j.images.client.PictoryClient}, which add validation, the API key, retries,
 * decoding and waiting. The key is a parameter here, sent raw as Pictory expects (no {@code Bearer}).
 * Error statuses arrive as {@link io.github.pictory4j.images.client.PictoryServiceException}s.
 */
@RegisterProvider(PictoryResponseExceptionMapper.class)
@RegisterProvider(PictoryJsonb.class)
@ClientHeaderParam(name = HttpHeaders.USER_AGENT, value = "{io.github.pictory4j.images.client.internal.http.UserAgent.value}")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PictoryImagesApi {

    /** {@code POST /v1/aistudio/images}: starts a job and answers its id. */
    @POST
    @Path("/aistudio/images")
    CreateJobResponse createImageJob(@HeaderParam(HttpHeaders.AUTHORIZATION) String apiKey, ImageJobBody body);

    /** {@code GET /v1/jobs/{jobId}}: the job's state (200 in every state). */
    @GET
    @Path("/jobs/{jobId}")
    JobResponse getJob(@HeaderParam(HttpHeaders.AUTHORIZATION) String apiKey, @PathParam("jobId") String jobId);

    /** {@code DELETE /v1/jobs/{jobId}/clean}: removes a finished job's outputs; idempotent. */
    @DELETE
    @Path("/jobs/{jobId}/clean")
    CleanJobResponse cleanJob(@HeaderParam(HttpHeaders.AUTHORIZATION) String apiKey, @PathParam("jobId") String jobId);

    /** {@code GET /v1/aistudio/images}: past images, newest first; {@code nextPageKey} null for the first page. */
    @GET
    @Path("/aistudio/images")
    ImagesPageBody listImages(@HeaderParam(HttpHeaders.AUTHORIZATION) String apiKey,
                         @QueryParam("nextPageKey") String nextPageKey);
}
