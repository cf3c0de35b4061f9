package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /v1/aistudio/images} starts a job; {@code GET /v1/aistudio/images} lists completed
 * images. No {@code @Consumes}/{@code @Produces}: like Pictory, it reads any body as JSON and always
 * answers JSON, instead of refusing a client's content type or {@code Accept}.
 */
@Path("/v1/aistudio/images")
@RequestScoped
public class ImageJobsResource {

    @Inject
    SimulatorGate gate;

    @Inject
    SimulatedJobs jobs;

    @POST
    public Response create(@Context HttpServletRequest request, @Context HttpServletResponse response,
                           @Context UriInfo uri, String body) {
        return gate.forApi(new IncomingCall(PictoryEndpoint.SUBMIT, request, response, body), (settings, scope) -> {
            try {
                ImageOrder order = RequestRules.read(body);
                return PictoryJson.ok(PictoryJson.created(jobs.start(scope, order, uri.getBaseUri(), settings).id()));
            } catch (InvalidRequestException invalid) {
                return PictoryJson.response(400, PictoryJson.invalid(invalid));
            }
        });
    }

    @GET
    public Response list(@Context HttpServletRequest request, @Context HttpServletResponse response,
                         @QueryParam("nextPageKey") String nextPageKey) {
        return gate.forApi(new IncomingCall(PictoryEndpoint.LIST_IMAGES, request, response, null), (settings, scope) -> {
            try {
                ImagePages.Page page = ImagePages.page(jobs.completedNewestFirst(scope), nextPageKey, settings.pageSize());
                return PictoryJson.ok(PictoryJson.page(page.items(), page.nextPageKey()));
            } catch (InvalidRequestException invalid) {
                return PictoryJson.response(400, PictoryJson.invalid(invalid));
            }
        });
    }
}
