package io.github.pictory4j.images.it;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.Spender;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Submissions made by whoever calls: {@code caller/…} needs a login (the test WAR's web.xml), {@code open/…} does
 * not; and each scope's credits charged today (spent or reserved), for the test to read ({@link CallerBudgets}).
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallerProbe {

    private static final ImageRequest TWO_CREDITS = ImageRequest.builder("A lighthouse at dawn")
            .model(ImageModel.SEEDREAM_3_0).build();

    @Inject
    ImageService images;

    @POST
    @Path("caller/submit")
    public Map<String, String> submitAsCaller() {
        return Map.of("jobId", images.submit(TWO_CREDITS));
    }

    /** A submission that names its spender: the caller's login must not override it. */
    @POST
    @Path("caller/submit-for/{user}/{team}")
    public Map<String, String> submitFor(@PathParam("user") String user, @PathParam("team") String team) {
        return Map.of("jobId", images.chargedTo(Spender.user(user).team(team)).submit(TWO_CREDITS));
    }

    @POST
    @Path("open/submit")
    public Map<String, String> submitWithoutLogin() {
        return Map.of("jobId", images.submit(TWO_CREDITS));
    }

    /**
     * Spent and reserved together: a job that ends while the test runs (the simulator's are quick) moves its
     * credits from one to the other, and the charge stays.
     */
    @GET
    @Path("open/charged/{kind}/{name}")
    public Map<String, BigDecimal> charged(@PathParam("kind") String kind, @PathParam("name") String name) {
        BudgetScope scope = switch (kind) {
            case "user" -> BudgetScope.user(name);
            case "team" -> BudgetScope.team(name);
            default -> BudgetScope.application();
        };
        CreditUsage.Period today = images.usage(scope).today();
        return Map.of("charged", today.spent().add(today.reserved()));
    }
}
