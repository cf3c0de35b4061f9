package io.github.pictory4j.images.client.internal.telemetry;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.PictoryException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the client tells about its work: a span per logical operation and the metrics, in the terms of the
 * client, not of a telemetry library. This package never names an OpenTelemetry type: the only
 * implementation that does ({@code internal.otel}) is loaded by {@link TelemetryLoader} when the
 * OpenTelemetry API is there, so the module runs (telemetry off, no error) on a runtime without it.
 */
public interface Telemetry extends AutoCloseable {

    /** Records nothing. */
    Telemetry NONE = new Telemetry() { };

    /** Whether anything is recorded: look-ups made only to describe the work are skipped otherwise. */
    default boolean active() {
        return false;
    }

    /** The span of a submission, from the budget's check to Pictory's answer (its retries included). */
    default Traced submission(JobRequest request) {
        return Traced.NONE;
    }

    /**
     * The span of following a job to its end (its polls, their retries, and how the end came), named
     * after the job's {@code model} when it is known. The caller reads the model only when {@link #active}.
     */
    default Traced following(String jobId, Optional<String> model) {
        return Traced.NONE;
    }

    /**
     * The span of a webhook callback: the token's check and the read of the job it triggers. The span of
     * the HTTP request that carried the callback (current now) loses its query, which holds the token.
     */
    default Traced callback() {
        return Traced.NONE;
    }

    /** The span of keeping a job's image: the download and its storing. */
    default Traced download(String jobId) {
        return Traced.NONE;
    }

    /**
     * {@code task}, to run later in the context current now, so that the calls it makes (a retry, a poll)
     * sit under the operation that scheduled it.
     */
    default Runnable carry(Runnable task) {
        return task;
    }

    /** The operation current on this thread is retrying after {@code failure}. */
    default void retrying(PictoryException failure) {
    }

    /** A job's end, told once cluster-wide (by the instance that recorded it). */
    default void jobEnded(JobEnd end) {
    }

    /** A webhook callback was accepted (a genuine token of a known job) or refused. */
    default void callbackAnswered(boolean accepted) {
    }

    /**
     * Reports the credits left in each of {@code scopes} (the application's, and teams'), read from {@code usage}
     * when the metrics are collected.
     */
    default void watchBudget(Function<BudgetScope, CreditUsage> usage, List<BudgetScope> scopes) {
    }

    /** Stops reporting (the client closes). */
    @Override
    default void close() {
    }
}
