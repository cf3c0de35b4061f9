package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.ScopeUsage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/admin}: everyone's usage and the limits of users and teams, changed while the app runs (the module
 * keeps them in its store, so that they hold on every instance from the next submission). Admins only (web.xml).
 */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** Users and teams the usage lists at most, who spent most this month first. */
    static final int TOP = 50;

    @Inject
    ImageService images;

    /** A scope's limits; a null limit is none. */
    public record Limits(BigDecimal dailyCredits, BigDecimal monthlyCredits) {
        static Limits of(BudgetSettings.Limits limits) {
            return new Limits(limits.dailyCredits(), limits.monthlyCredits());
        }
    }

    /** A user's or team's own limits, in place of the defaults. */
    public record Override(String kind, String name, BigDecimal dailyCredits, BigDecimal monthlyCredits) {
    }

    /** The limits in force: the application's and the defaults (settings), the teams, and the own limits. */
    public record LimitsView(Limits application, Limits userDefault, Limits teamDefault, List<String> teams,
                             List<Override> overrides) {
    }

    /** Everyone's usage: the application's, and the users and teams who spent most this month. */
    public record EveryonesUsage(UsageResource.Usage application, List<UsageResource.Usage> users,
                                 List<UsageResource.Usage> teams) {
    }

    @GET
    @Path("/usage")
    @Operation(summary = "The application's usage, and the " + TOP + " users and teams that spent most this month")
    public EveryonesUsage usage() {
        return new EveryonesUsage(UsageResource.Usage.of(BudgetScope.application(), images.usage()),
                top(BudgetScope.Kind.USER), top(BudgetScope.Kind.TEAM));
    }

    @GET
    @Path("/limits")
    @Operation(summary = "The application's limits, the defaults per user and team, and every user's and team's own")
    public LimitsView limits() {
        BudgetSettings budget = images.budget();
        List<Override> overrides = images.limitOverrides().entrySet().stream()
                .map(entry -> new Override(kind(entry.getKey().kind()), entry.getKey().name(),
                        entry.getValue().dailyCredits(), entry.getValue().monthlyCredits()))
                .sorted(Comparator.comparing(Override::kind).thenComparing(Override::name)).toList();
        return new LimitsView(new Limits(budget.dailyCredits(), budget.monthlyCredits()), Limits.of(budget.perUser()),
                Limits.of(budget.perTeam()), budget.teams(), overrides);
    }

    @PUT
    @Path("/limits/{kind}/{name}")
    @Operation(summary = "Sets a user's or team's own limits (kind: user or team), from the next submission on")
    @APIResponse(responseCode = "200", description = "The limits set")
    @APIResponse(responseCode = "400", description = "A negative or non-numeric limit, a bad name, or a team not in"
            + " pictory.budget.teams; nothing was stored")
    public Override setLimits(@PathParam("kind") String kind, @PathParam("name") String name, Limits limits) {
        if (limits == null) {
            throw new InvalidBodyException("The body must be {\"dailyCredits\": number or null, \"monthlyCredits\": number or null}");
        }
        BudgetScope scope = scope(kind, name);
        try {
            images.setLimits(scope, new BudgetSettings.Limits(limits.dailyCredits(), limits.monthlyCredits()));
        } catch (IllegalArgumentException refused) { // a team not in pictory.budget.teams: the message says so
            throw new InvalidBodyException(refused.getMessage());
        }
        return new Override(kind(scope.kind()), scope.name(), limits.dailyCredits(), limits.monthlyCredits());
    }

    @DELETE
    @Path("/limits/{kind}/{name}")
    @Operation(summary = "Removes a user's or team's own limits: the defaults apply again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "It had none")
    public Response removeLimits(@PathParam("kind") String kind, @PathParam("name") String name) {
        if (!images.removeLimits(scope(kind, name))) {
            throw new NotFoundException("The " + kind + " " + name + " has no own limits");
        }
        return Response.noContent().build();
    }

    private List<UsageResource.Usage> top(BudgetScope.Kind kind) {
        return images.topSpenders(kind, TOP).stream().map(AdminResource::view).toList();
    }

    private static UsageResource.Usage view(ScopeUsage usage) {
        return UsageResource.Usage.of(usage.scope(), usage.usage());
    }

    /** user/{name} or team/{name}; anything else is no such resource. */
    private static BudgetScope scope(String kind, String name) {
        try {
            return switch (kind) {
                case "user" -> BudgetScope.user(name);
                case "team" -> BudgetScope.team(name);
                default -> throw new NotFoundException("No limits of kind '" + kind + "': use user or team");
            };
        } catch (IllegalArgumentException badName) { // the message names the rule
            throw new InvalidBodyException(badName.getMessage());
        }
    }

    private static String kind(BudgetScope.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
