package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.RetryPolicy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Calls Pictory again after transient failures, as the {@link RetryPolicy} decides. There is one
 * engine: every wait between attempts is a task on the {@link Scheduling}'s scheduler, so no thread is
 * parked and tests can run it on virtual time. The blocking form is the same chain, started on the
 * caller's thread and joined.
 */
public final class RetryExecutor {

    /** Told of every retry decided, with the failure that caused it (for logs and telemetry). */
    public interface RetryListener {
        RetryListener NONE = (operation, retry, failure, delay) -> { };

        void retrying(String operation, int retry, PictoryException failure, Duration delay);
    }

    private final RetryPolicy policy;
    private final Scheduling scheduling;
    private final DoubleSupplier jitter;
    private final RetryListener listener;

    /**
     * @param jitter supplies the random share of each backoff's jitter, in [0, 1)
     */
    public RetryExecutor(RetryPolicy policy, Scheduling scheduling, DoubleSupplier jitter, RetryListener listener) {
        this.policy = policy;
        this.scheduling = scheduling;
        this.jitter = jitter;
        this.listener = listener;
    }

    /** Where an operation's first attempt runs. */
    public enum Start {
        /** On the caller's thread: the blocking form, which then joins the result. */
        INLINE,
        /** On the scheduler: the asynchronous form, which returns at once. */
        SCHEDULED
    }

    /**
     * Runs {@code call} until it succeeds, fails for good, or runs out of retries.
     *
     * @param idempotent false for a job submission: it is not sent again when Pictory may have received it
     * @return the result, or the {@link PictoryException} that ended the attempts
     */
    public <T> CompletableFuture<T> run(String operation, boolean idempotent, Supplier<T> call, Start start) {
        CompletableFuture<T> result = scheduling.track(new CompletableFuture<>());
        if (start == Start.INLINE) {
            attempt(operation, idempotent, call, 1, result);
        } else {
            scheduling.schedule(() -> attempt(operation, idempotent, call, 1, result), Duration.ZERO, result);
        }
        return result;
    }

    private <T> void attempt(String operation, boolean idempotent, Supplier<T> call, int retry,
                             CompletableFuture<T> result) {
        if (result.isDone()) {
            return;
        }
        try {
            result.complete(call.get());
        } catch (RuntimeException e) {
            PictoryException failure = Failures.translate(e, operation);
            policy.delayBeforeRetry(retry, failure, idempotent, jitter.getAsDouble()).ifPresentOrElse(delay -> {
                listener.retrying(operation, retry, failure, delay);
                scheduling.schedule(() -> attempt(operation, idempotent, call, retry + 1, result), delay, result);
            }, () -> result.completeExceptionally(failure));
        }
    }
}
