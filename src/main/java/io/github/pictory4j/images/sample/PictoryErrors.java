package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.FieldError;
import io.github.pictory4j.images.client.PictoryAuthenticationException;
import io.github.pictory4j.images.client.PictoryBadRequestException;
import io.github.pictory4j.images.client.PictoryBudgetException;
import io.github.pictory4j.images.client.PictoryBudgetExceededException;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictoryConnectionException;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.PictoryNotFoundException;
import io.github.pictory4j.images.client.PictoryRateLimitException;
import io.github.pictory4j.images.client.PictoryServerException;
import io.github.pictory4j.images.client.PictoryServiceException;
import io.github.pictory4j.images.client.PictoryStoreException;
import io.github.pictory4j.images.client.PictoryTimeoutException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What went wrong with Pictory, as the sample's callers see it: 502 when Pictory refused (key,
 * request, answer), 503 when it is unavailable after retries or the job store is down (then nothing
 * was sent), 504 when it timed out. The module's
 * messages never hold the key, so they can be shown.
 *
 * <p>The credit budget's refusal is 429 with {@code Retry-After} (the seconds until the period resets)
 * and a {@code budget} object in the body: like a rate limit, it is a quota over time that a later try
 * can pass, and clients already know how to wait for one. (402 has no defined meaning; 403 would say
 * "never".) Pictory's own 429s are retried by the module and end as 503, so the two cannot be confused.
 */
@Provider
public class PictoryErrors implements ExceptionMapper<PictoryException> {

    private static final Logger LOG = Logger.getLogger(PictoryErrors.class.getName());

    private final Clock clock;

    @Context
    SecurityContext security;

    public PictoryErrors() {
        this(Clock.systemUTC());
    }

    /** @param clock what {@code Retry-After} of a budget's refusal is counted from */
    PictoryErrors(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Response toResponse(PictoryException e) {
        LOG.log(Level.WARNING, "Pictory call failed: {0}", e.getMessage());
        if (e instanceof PictoryBudgetExceededException refused) {
            return budget(refused);
        }
        if (e instanceof PictoryBudgetException unpriced) {
            return json(400, new ErrorBody(unpriced.getMessage(), List.of(new ErrorBody.Field("model",
                    "has no known price, so the credit budget cannot check it"))));
        }
        if (e instanceof PictoryBadRequestException rejected) {
            List<ErrorBody.Field> fields = rejected.fields().stream()
                    .map((FieldError f) -> new ErrorBody.Field(f.name(), f.errors())).toList();
            return json(400, new ErrorBody("Pictory rejected the request: " + e.getMessage(), fields));
        }
        if (e instanceof PictoryAuthenticationException) {
            return json(502, ErrorBody.of("Pictory rejected this app's API key; check PICTORY_API_KEY. " + e.getMessage()));
        }
        if (e instanceof PictoryNotFoundException) {
            return json(404, ErrorBody.of(e.getMessage()));
        }
        if (e instanceof PictoryTimeoutException) {
            return json(504, ErrorBody.of("Pictory did not answer in time: " + e.getMessage()));
        }
        if (e instanceof PictoryConnectionException || e instanceof PictoryServerException
                || e instanceof PictoryRateLimitException) {
            Response.ResponseBuilder unavailable = Response.status(503).type(MediaType.APPLICATION_JSON)
                    .entity(ErrorBody.of("Pictory is unavailable, even after retries: " + e.getMessage()));
            if (e instanceof PictoryServiceException service) {
                service.retryAfter().ifPresent(wait -> unavailable.header(HttpHeaders.RETRY_AFTER, wait.toSeconds()));
            }
            return unavailable.build();
        }
        if (e instanceof PictoryStoreException) {
            return Response.status(503).type(MediaType.APPLICATION_JSON).header(HttpHeaders.RETRY_AFTER, 5)
                    .entity(ErrorBody.of("This app's job store is unavailable, so nothing was sent to Pictory;"
                            + " try again in a moment")).build();
        }
        if (e instanceof PictoryConfigurationException) {
            return json(500, ErrorBody.of(e.getMessage()));
        }
        return json(502, ErrorBody.of("Pictory's answer was not usable: " + e.getMessage()));
    }

    private Response budget(PictoryBudgetExceededException exceeded) {
        PictoryBudgetExceededException.Refusal refused = exceeded.refusal();
        long wait = Math.max(1, Duration.between(clock.instant(), refused.resetsAt()).toSeconds());
        String period = refused.period().name().toLowerCase(Locale.ROOT);
        ErrorBody body;
        if (refused.scope().kind() == BudgetScope.Kind.APPLICATION && !admin()) {
            // What the whole application spent is everyone's spending: only an admin sees it (GET /api/admin/usage).
            body = new ErrorBody("The application's " + (period.equals("day") ? "daily" : "monthly") + " credit budget"
                    + " has no room for this submission (" + refused.setting() + "). Nothing was sent to Pictory; the "
                    + period + " resets at " + refused.resetsAt() + ".", List.of(), new ErrorBody.Budget(period,
                    refused.setting(), refused.limit(), null, null, refused.requested(), refused.resetsAt().toString()));
        } else {
            body = new ErrorBody(exceeded.getMessage(), List.of(), new ErrorBody.Budget(period, refused.setting(),
                    refused.limit(), refused.spent(), refused.reserved(), refused.requested(), refused.resetsAt().toString()));
        }
        return Response.status(429).type(MediaType.APPLICATION_JSON).header(HttpHeaders.RETRY_AFTER, wait).entity(body).build();
    }

    /** Whether the caller is an admin (nobody, in a unit test without a request). */
    private boolean admin() {
        return security != null && security.isUserInRole(SampleUsers.ADMIN);
    }

    static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
