package io.github.pictory4j.images.sample;

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
 * {@code GET /api/usage}: the credits this app spent and holds today and this month, what its budget
 * ({@code pictory.budget.*}) leaves, and the credits of each of the last 14 days, as the module's store
 * counts them (every instance's, with the sample's database).
 */
@Path("/usage")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    ImageService images;

    /**
     * One period. {@code limit} and {@code left} are absent when the period has no limit.
     *
     * @param period the day ({@code 2026-01-31}) or month ({@code 2026-01})
     */
    public record Period(String period, BigDecimal spent, BigDecimal reserved, BigDecimal limit, BigDecimal left,
                         String resetsAt) {
        static Period of(CreditUsage.Period period) {
            return new Period(period.name(), period.spent(), period.reserved(), period.limit(), period.left(),
                    period.resetsAt().toString());
        }
    }

    /** One day of the chart. */
    public record Day(String date, BigDecimal spent, BigDecimal reserved) {
    }

    /** The whole answer; {@code zone} is where days begin. */
    public record Usage(String zone, Period today, Period month, List<Day> days) {
    }

    @GET
    @Operation(summary = "Credits spent and reserved today and this month, the budget left, and the last 14 days")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = Usage.class)))
    public Usage usage() {
        CreditUsage usage = images.usage();
        return new Usage(usage.zone().getId(), Period.of(usage.today()), Period.of(usage.month()),
                usage.days().stream().map(day -> new Day(day.date().toString(), day.spent(), day.reserved())).toList());
    }
}
