package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.ImageService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/usage}: the caller's own credits, spent and held, today and this month, what their limits
 * ({@code pictory.budget.user.*} or their own) leave, and each of the last 14 days; and the same for the team they
 * are charged to, which its members share. As the module's store counts them (every instance's, with the sample's
 * database). Nobody else's figures: an admin finds everyone's at {@code /api/admin/usage}.
 */
@Path("/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    ImageService images;

    @Inject
    Caller caller;

    /**
     * One period. {@code limit} and {@code left} are absent when the period has no limit.
     *
     * @param period    the day ({@code 2026-01-31}) or month ({@code 2026-01})
     * @param simulated the simulator's credits (in simulator mode): counted apart, against no limit
     */
    public record Period(String period, BigDecimal spent, BigDecimal reserved, BigDecimal limit, BigDecimal left,
                         String resetsAt, BigDecimal simulated) {
        static Period of(CreditUsage.Period period) {
            return new Period(period.name(), period.spent(), period.reserved(), period.limit(), period.left(),
                    period.resetsAt().toString(), period.simulated());
        }
    }

    /** One day of the chart. */
    public record Day(String date, BigDecimal spent, BigDecimal reserved, BigDecimal simulated) {
    }

    /**
     * One scope's figures: {@code scope} says whose ({@code user 'alice'}, {@code team 'design'}, {@code the application}),
     * {@code kind} and {@code name} the same for programs; {@code zone} is where days begin.
     */
    public record Usage(String scope, String kind, String name, String zone, Period today, Period month, List<Day> days,
                        Usage team) {
        static Usage of(BudgetScope scope, CreditUsage usage, Usage team) {
            return new Usage(scope.describe(), scope.kind().name().toLowerCase(java.util.Locale.ROOT), scope.name(),
                    usage.zone().getId(), Period.of(usage.today()), Period.of(usage.month()),
                    usage.days().stream().map(day -> new Day(day.date().toString(), day.spent(), day.reserved(), day.simulated())).toList(),
                    team);
        }

        static Usage of(BudgetScope scope, CreditUsage usage) {
            return of(scope, usage, null);
        }
    }

    @GET
    @Operation(summary = "The caller's credits spent and reserved today and this month, the limits left, the last 14 days,"
            + " and the same for their team (team, absent when they are in none)")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = Usage.class)))
    public Usage usage() {
        BudgetScope own = caller.scope();
        Usage team = caller.team().map(BudgetScope::team).map(scope -> Usage.of(scope, images.usage(scope))).orElse(null);
        return Usage.of(own, images.usage(own), team);
    }
}
