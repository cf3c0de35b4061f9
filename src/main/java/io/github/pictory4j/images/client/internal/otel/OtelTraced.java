package io.github.pictory4j.images.client.internal.otel;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.internal.telemetry.EndSource;
import io.github.pictory4j.images.client.internal.telemetry.Traced;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.CREDITS_USED;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.END_SOURCE;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.ERROR_TYPE;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.IMAGE_BYTES;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.JOB_STATUS;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.POLLS;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.RESPONSE_ID;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.RETRIES;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.WEBHOOK_RESULT;

/**
 * One operation's span, with the counts kept until it ends (retries, polls). While it is entered, it is in
 * the current {@link Context} twice: as the span (so that the REST client's HTTP spans sit under it) and
 * under {@link #KEY} (so that a retry decided on that thread is counted here).
 */
final class OtelTraced implements Traced {

    static final ContextKey<OtelTraced> KEY = ContextKey.named("pictory4j-operation");

    private final Span span;
    private final Context parent;
    private final String operation;
    private final boolean counted;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String errorType;
    private volatile boolean refused;

    /** @param polling whether {@code pictory.polls} belongs on this span */
    OtelTraced(Span span, Context parent, String operation, boolean polling) {
        this.span = span;
        this.parent = parent;
        this.operation = operation;
        this.counted = polling;
    }

    /** The {@code gen_ai.operation.name} of this operation. */
    String operation() {
        return operation;
    }

    void retried() {
        retries.incrementAndGet();
    }

    @Override
    public Scope enter() {
        io.opentelemetry.context.Scope scope = parent.with(span).with(KEY, this).makeCurrent();
        return scope::close;
    }

    @Override
    public Scope enterParent() {
        io.opentelemetry.context.Scope scope = parent.makeCurrent();
        return scope::close;
    }

    @Override
    public void jobId(String jobId) {
        span.setAttribute(RESPONSE_ID, jobId);
    }

    @Override
    public void polled() {
        polls.incrementAndGet();
    }

    @Override
    public void state(ImageJob job) {
        span.setAttribute(RESPONSE_ID, job.jobId());
        span.setAttribute(JOB_STATUS, job.status().value());
        if (job.aiCreditsUsed() != null) {
            span.setAttribute(CREDITS_USED, job.aiCreditsUsed().doubleValue());
        }
        if (job.isFailed()) {
            errorType = job.errorCode() == null ? "failed" : job.errorCode();
        }
    }

    @Override
    public void endedBy(EndSource source) {
        span.setAttribute(END_SOURCE, source.value());
    }

    @Override
    public void refused(String reason) {
        refused = true;
        span.setAttribute(WEBHOOK_RESULT, "refused");
        errorType = reason;
    }

    @Override
    public void kept(long bytes) {
        span.setAttribute(IMAGE_BYTES, bytes);
    }

    @Override
    public void end(Throwable failure) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        span.setAttribute(RETRIES, retries.get());
        if (counted) {
            span.setAttribute(POLLS, polls.get());
        }
        if (GenAiAttributes.CALLBACK.equals(operation) && !refused) {
            span.setAttribute(WEBHOOK_RESULT, "accepted");
        }
        String error = failure != null ? OtelTelemetry.errorType(failure) : errorType;
        if (error != null) {
            span.setAttribute(ERROR_TYPE, error);
            // The library's messages hold no secret (the key, the webhook secret and tokens are never in them).
            span.setStatus(StatusCode.ERROR, failure != null ? failure.getMessage() : error);
        }
        span.end();
    }
}
