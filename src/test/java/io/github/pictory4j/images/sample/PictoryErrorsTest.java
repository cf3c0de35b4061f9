package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.FieldError;
import io.github.pictory4j.images.client.PictoryAuthenticationException;
import io.github.pictory4j.images.client.PictoryBadRequestException;
import io.github.pictory4j.images.client.PictoryBudgetException;
import io.github.pictory4j.images.client.PictoryBudgetExceededException;
import io.github.pictory4j.images.client.PictoryBudgetExceededException.Period;
import io.github.pictory4j.images.client.PictoryBudgetExceededException.Refusal;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.PictoryNotFoundException;
import io.github.pictory4j.images.client.PictoryRateLimitException;
import io.github.pictory4j.images.client.PictoryResponseFormatException;
import io.github.pictory4j.images.client.PictoryServerException;
import io.github.pictory4j.images.client.PictoryStoreException;
import io.github.pictory4j.images.client.PictoryTimeoutException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each of the module's errors as the sample's callers get it: the status, the headers, the body. */
class PictoryErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T22:00:00Z");
    private final PictoryErrors errors = new PictoryErrors(Clock.fixed(NOW, ZoneOffset.UTC));

    private Response answer(PictoryException e) {
        return errors.toResponse(e);
    }

    private static ErrorBody body(Response response) {
        return (ErrorBody) response.getEntity();
    }

    @Test
    void theStoreDownIs503WithRetryAfterAndSaysNothingWasSent() {
        Response response = answer(new PictoryStoreException("Recording the submission failed", new SQLException("down")));

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertTrue(body(response).message().contains("nothing was sent to Pictory"), body(response).message());
    }

    @Test
    void theBudgetsRefusalIs429UntilThePeriodResetsWithItsFigures() {
        Refusal refusal = new Refusal(io.github.pictory4j.images.client.BudgetScope.application(), Period.DAY, new BigDecimal("1.2"), BigDecimal.ZERO, new BigDecimal("1.2"),
                new BigDecimal("0.6"), Instant.parse("2026-11-26T00:00:00Z"));

        Response response = answer(new PictoryBudgetExceededException(refusal));

        assertEquals(429, response.getStatus());
        assertEquals(String.valueOf(Duration.ofHours(2).toSeconds()), response.getHeaderString(HttpHeaders.RETRY_AFTER));
        ErrorBody.Budget budget = body(response).budget();
        assertEquals("day", budget.period());
        assertEquals("pictory.budget.daily-credits", budget.setting());
        assertEquals(new BigDecimal("1.2"), budget.limit());
        assertEquals(new BigDecimal("0.6"), budget.requested());
        assertEquals("2026-11-26T00:00:00Z", budget.resetsAt());
    }

    @Test
    void aRefusalWhosePeriodEndsThisSecondStillAsksToWaitASecond() {
        Refusal refusal = new Refusal(io.github.pictory4j.images.client.BudgetScope.application(), Period.MONTH, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ONE, NOW);

        assertEquals("1", answer(new PictoryBudgetExceededException(refusal)).getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aModelTheBudgetCannotPriceIs400OnTheModelField() {
        Response response = answer(new PictoryBudgetException("The model x has no known price"));

        assertEquals(400, response.getStatus());
        assertEquals(List.of("model"), body(response).fields().stream().map(ErrorBody.Field::name).toList());
        assertNull(body(response).budget());
    }

    @Test
    void pictorysFieldErrorsAre400WithTheFields() {
        Response response = answer(new PictoryBadRequestException(null, "Invalid request",
                List.of(new FieldError("prompt", "is too short"))));

        assertEquals(400, response.getStatus());
        assertEquals(List.of(new ErrorBody.Field("prompt", "is too short")), body(response).fields());
    }

    @Test
    void aRefusedKeyIs502AndPointsAtTheVariable() {
        Response response = answer(new PictoryAuthenticationException(401, null, "Unauthorized"));

        assertEquals(502, response.getStatus());
        assertTrue(body(response).message().contains("PICTORY_API_KEY"), body(response).message());
    }

    @Test
    void pictoryUnavailableIs503PassingOnItsRetryAfter() {
        Response limited = answer(new PictoryRateLimitException(null, "Too many requests", Duration.ofSeconds(7)));
        Response failing = answer(new PictoryServerException(500, null, "boom", null));

        assertEquals(503, limited.getStatus());
        assertEquals("7", limited.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals(503, failing.getStatus());
        assertNull(failing.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void theOtherCasesHaveTheirOwnStatus() {
        assertEquals(404, answer(new PictoryNotFoundException(404, "JOB_NOT_FOUND", "no such job")).getStatus());
        assertEquals(504, answer(new PictoryTimeoutException("Read timed out", true, null)).getStatus());
        assertEquals(500, answer(new PictoryConfigurationException("No Pictory API key is configured")).getStatus());
        assertEquals(502, answer(new PictoryResponseFormatException("An HTML page", null)).getStatus());
    }
}
