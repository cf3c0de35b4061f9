package io.github.pictory4j.images.client;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.DEFAULT;
    private final PictoryException serverError = new PictoryServerException(500, null, "boom", null);

    @RepeatedTest(20)
    void backoffDoublesWithJitterAndStopsAtTheCap() {
        assertBetween(policy.backoff(1), 375, 500);
        assertBetween(policy.backoff(2), 750, 1000);
        assertBetween(policy.backoff(3), 1500, 2000);
        assertBetween(policy.backoff(6), 6000, 8000);
        assertBetween(policy.backoff(40), 6000, 8000);
    }

    @Test
    void transientFailuresAreRetriedUpToTheLimit() {
        assertTrue(policy.delayBeforeRetry(1, serverError, false).isPresent());
        assertTrue(policy.delayBeforeRetry(2, serverError, false).isPresent());
        assertTrue(policy.delayBeforeRetry(3, serverError, false).isEmpty());
    }

    @Test
    void permanentFailuresAreNotRetried() {
        assertTrue(policy.delayBeforeRetry(1, new PictoryAuthenticationException(401, null, "no"), true).isEmpty());
        assertTrue(policy.delayBeforeRetry(1, new PictoryResponseFormatException("html", null), true).isEmpty());
    }

    @Test
    void aSubmissionThatMayHaveBeenProcessedIsNotRetried() {
        PictoryException readTimeout = new PictoryTimeoutException("slow", true, null);
        PictoryException refused = new PictoryConnectionException("refused", false, null);

        assertTrue(policy.delayBeforeRetry(1, readTimeout, false).isEmpty());
        assertTrue(policy.delayBeforeRetry(1, readTimeout, true).isPresent());
        assertTrue(policy.delayBeforeRetry(1, refused, false).isPresent());
    }

    @Test
    void retryAfterReplacesTheBackoffUnlessItIsTooLong() {
        PictoryException limited = new PictoryRateLimitException(null, "slow down", Duration.ofSeconds(2));
        PictoryException unavailable = new PictoryServerException(503, null, "later", Duration.ofSeconds(3));
        PictoryException tooLong = new PictoryRateLimitException(null, "tomorrow", Duration.ofHours(2));

        assertEquals(Duration.ofSeconds(2), policy.delayBeforeRetry(1, limited, false).orElseThrow());
        assertEquals(Duration.ofSeconds(3), policy.delayBeforeRetry(1, unavailable, true).orElseThrow());
        assertTrue(policy.delayBeforeRetry(1, tooLong, true).isEmpty());
    }

    private static void assertBetween(Duration actual, long minMillis, long maxMillis) {
        assertTrue(actual.toMillis() >= minMillis && actual.toMillis() <= maxMillis,
                actual.toMillis() + " not in [" + minMillis + ", " + maxMillis + "]");
    }
}
