package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.ConfigValues;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed call again: transient failures only (I/O trouble, 429, 5xx), with exponential
 * backoff and jitter, honouring {@code Retry-After}.
 *
 * <p>Money matters: a job submission ({@code POST}) is not idempotent, so it is retried only when
 * Pictory certainly did not process it (it answered 429/5xx, or the connection failed before the
 * request was sent). A read timeout on a submission is not retried: the job may exist and a second
 * one would be charged again.
 *
 * @param maxRetries    retries after the first attempt ({@code pictory.retry.max-retries})
 * @param baseDelay     the first backoff ({@code pictory.retry.base-delay}); doubled each retry
 * @param maxDelay      the largest backoff ({@code pictory.retry.max-delay})
 * @param maxRetryAfter the longest {@code Retry-After} worth waiting for
 *                      ({@code pictory.retry.max-retry-after}); a longer one fails at once
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new PictoryConfigurationException(PictorySettings.RETRY_MAX_RETRIES + " (env "
                    + ConfigValues.environmentVariable(PictorySettings.RETRY_MAX_RETRIES) + ") must be 0 or more, such as 2");
        }
        ConfigValues.requireNotNegative(PictorySettings.RETRY_BASE_DELAY, baseDelay);
        ConfigValues.requireNotNegative(PictorySettings.RETRY_MAX_DELAY, maxDelay);
        ConfigValues.requireNotNegative(PictorySettings.RETRY_MAX_RETRY_AFTER, maxRetryAfter);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) after {@code failure}, or
     * empty when the failure must be thrown.
     */
    public Optional<Duration> delayBeforeRetry(int retry, PictoryException failure, boolean idempotent) {
        return delayBeforeRetry(retry, failure, idempotent, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * {@link #delayBeforeRetry(int, PictoryException, boolean)} with the jitter chosen by the caller:
     * {@code random} in [0, 1) takes that share of a quarter off the backoff (0: the full backoff).
     */
    public Optional<Duration> delayBeforeRetry(int retry, PictoryException failure, boolean idempotent, double random) {
        if (retry > maxRetries || !failure.isTransient()) {
            return Optional.empty();
        }
        if (!idempotent && failure instanceof PictoryConnectionException io && io.requestMayHaveBeenProcessed()) {
            return Optional.empty();
        }
        Optional<Duration> askedFor = retryAfter(failure);
        if (askedFor.isPresent()) {
            return askedFor.get().compareTo(maxRetryAfter) > 0 ? Optional.empty() : askedFor;
        }
        return Optional.of(backoff(retry, random));
    }

    /** Exponential backoff capped at {@link #maxDelay}, less up to a quarter of random jitter. */
    Duration backoff(int retry) {
        return backoff(retry, ThreadLocalRandom.current().nextDouble());
    }

    /** Exponential backoff capped at {@link #maxDelay}, less {@code random} × a quarter. */
    Duration backoff(int retry, double random) {
        long exponential = baseDelay.toMillis() << Math.min(retry - 1, 30);
        long capped = Math.min(exponential < 0 ? Long.MAX_VALUE : exponential, maxDelay.toMillis());
        return Duration.ofMillis((long) (capped * (1 - 0.25 * random)));
    }

    private static Optional<Duration> retryAfter(PictoryException failure) {
        return failure instanceof PictoryServiceException service ? service.retryAfter() : Optional.empty();
    }
}
