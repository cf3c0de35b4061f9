package io.github.pictory4j.images.client.internal.otel;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.PictoryServiceException;
import io.github.pictory4j.images.client.internal.http.UserAgent;
import io.github.pictory4j.images.client.internal.telemetry.JobEnd;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.github.pictory4j.images.client.internal.telemetry.Traced;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.ASPECT_RATIO;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.CALLBACK;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.CREDITS_ESTIMATED;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.DOWNLOAD;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.ERROR_TYPE;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.FOLLOW;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.GENERATE;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.IMAGE;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.INPUT_MESSAGES;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.OPERATION;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.OUTCOME;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.OUTPUT_TYPE;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.PICTORY;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.PROVIDER;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.REQUEST_MODEL;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.RESPONSE_ID;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.SERVER_ADDRESS;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.SERVER_PORT;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.STYLE;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.WEBHOOK_RESULT;

/**
 * The client's telemetry through the OpenTelemetry API that MicroProfile Telemetry provides: spans named
 * and attributed after the GenAI semantic conventions, and the metrics. The only class of the module
 * (with its package) that names OpenTelemetry types; {@code TelemetryLoader} loads it by name when the API is there.
 */
public final class OtelTelemetry implements Telemetry {

    static final String SCOPE = "io.github.pictory4j.images.client";
    /** The semantic conventions' buckets for GenAI operation durations, extended to the ten minutes an image may take. */
    private static final List<Double> DURATION_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92, 163.84, 327.68, 655.36);

    private final Tracer tracer;
    private final TelemetryConfig config;
    private final boolean active;
    private final Meter meter;
    private final DoubleHistogram duration;
    private final DoubleCounter credits;
    private final LongCounter ended;
    private final LongCounter retries;
    private final LongHistogram reads;
    private final LongCounter callbacks;
    private final List<ObservableDoubleGauge> gauges = new CopyOnWriteArrayList<>();

    public OtelTelemetry(OpenTelemetry openTelemetry, TelemetryConfig config) {
        String version = UserAgent.version();
        this.tracer = openTelemetry.tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
        this.meter = openTelemetry.meterBuilder(SCOPE).setInstrumentationVersion(version).build();
        this.config = config;
        this.active = records(tracer);
        this.duration = ApiGeneration.histogram(meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
                .setDescription("GenAI operation duration: an image job from its submission to its end"), DURATION_BUCKETS);
        this.credits = meter.counterBuilder("pictory.credits.used").ofDoubles().setUnit("{credit}")
                .setDescription("AI credits Pictory charged for jobs that ended").build();
        this.ended = meter.counterBuilder("pictory.jobs.ended").setUnit("{job}")
                .setDescription("Image jobs that ended, by outcome").build();
        this.retries = meter.counterBuilder("pictory.retries").setUnit("{retry}")
                .setDescription("Calls to Pictory sent again after a transient failure, by cause").build();
        this.reads = ApiGeneration.histogram(meter.histogramBuilder("pictory.job.reads").ofLongs().setUnit("{read}")
                .setDescription("Reads of a job's state this instance sent to Pictory, per job that ended"),
                List.of(1L, 2L, 3L, 5L, 10L, 20L, 50L, 100L));
        this.callbacks = meter.counterBuilder("pictory.webhook.callbacks").setUnit("{callback}")
                .setDescription("Webhook callbacks received, accepted or refused").build();
    }

    /** The runtime's OpenTelemetry: MicroProfile Telemetry's CDI bean where there is one, else the global instance. */
    public static Telemetry fromRuntime(TelemetryConfig config) {
        return new OtelTelemetry(container().orElseGet(GlobalOpenTelemetry::get), config);
    }

    private static Optional<OpenTelemetry> container() {
        try {
            Instance<OpenTelemetry> found = CDI.current().select(OpenTelemetry.class);
            return found.isResolvable() ? Optional.of(found.get()) : Optional.empty();
        } catch (IllegalStateException | LinkageError noContainer) {
            return Optional.empty();
        }
    }

    /** Whether spans are recorded at all (a disabled SDK gives invalid, no-op spans). */
    private static boolean records(Tracer tracer) {
        Span probe = tracer.spanBuilder("pictory4j-probe").setParent(Context.root()).startSpan();
        boolean valid = probe.getSpanContext().isValid();
        // Never ended: an unended span is not exported.
        return valid;
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public Traced submission(JobRequest request) {
        if (!active) {
            return Traced.NONE; // a disabled SDK: nothing to describe, nothing to look up
        }
        String model = request.model() == null ? null : request.model().value();
        SpanBuilder span = genAi(GENERATE, model, SpanKind.CLIENT);
        if (request instanceof ImageRequest image && image.aspectRatio() != null) {
            span.setAttribute(ASPECT_RATIO, image.aspectRatio().value());
        }
        if (request instanceof ImageRequest image && image.style() != null) {
            span.setAttribute(STYLE, image.style().value());
        }
        request.estimatedCredits().ifPresent(price -> span.setAttribute(CREDITS_ESTIMATED, price.doubleValue()));
        if (config.recordPrompt()) {
            span.setAttribute(INPUT_MESSAGES, messages(request.prompt()));
        }
        return start(span, GENERATE, false);
    }

    @Override
    public Traced following(String jobId, Optional<String> model) {
        if (!active) {
            return Traced.NONE;
        }
        SpanBuilder span = genAi(FOLLOW, model.orElse(null), SpanKind.INTERNAL);
        span.setAttribute(RESPONSE_ID, jobId);
        return start(span, FOLLOW, true);
    }

    @Override
    public Traced callback() {
        // The runtime's span of the callback's HTTP request records its query, which is the callback's token:
        // it is replaced before that span ends (attributes set later win), so that no token is exported.
        CallbackRedaction.redact(Span.current(), config);
        return start(genAi(CALLBACK, null, SpanKind.INTERNAL), CALLBACK, false);
    }

    @Override
    public Traced download(String jobId) {
        SpanBuilder span = genAi(DOWNLOAD, null, SpanKind.INTERNAL);
        span.setAttribute(RESPONSE_ID, jobId);
        return start(span, DOWNLOAD, false);
    }

    /** A span of the GenAI conventions: {@code "{operation} {model}"}, with the attributes every one of ours has. */
    private SpanBuilder genAi(String operation, String model, SpanKind kind) {
        SpanBuilder span = tracer.spanBuilder(model == null ? operation : operation + " " + model).setSpanKind(kind)
                .setAttribute(OPERATION, operation).setAttribute(PROVIDER, PICTORY).setAttribute(OUTPUT_TYPE, IMAGE);
        if (model != null) {
            span.setAttribute(REQUEST_MODEL, model);
        }
        if (config.serverAddress() != null) {
            span.setAttribute(SERVER_ADDRESS, config.serverAddress());
        }
        if (config.serverPort() > 0) {
            span.setAttribute(SERVER_PORT, (long) config.serverPort());
        }
        return span;
    }

    private static OtelTraced start(SpanBuilder builder, String operation, boolean polling) {
        Context parent = Context.current();
        return new OtelTraced(builder.setParent(parent).startSpan(), parent, operation, polling);
    }

    /** The prompt as the conventions' {@code gen_ai.input.messages}: one user message with one text part. */
    private static String messages(String prompt) {
        return Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text")
                        .add("content", prompt == null ? "" : prompt)))).build().toString();
    }

    @Override
    public Runnable carry(Runnable task) {
        return Context.current().wrap(task);
    }

    @Override
    public void retrying(PictoryException failure) {
        OtelTraced operation = Context.current().get(OtelTraced.KEY);
        if (operation != null) {
            operation.retried();
        }
        retries.add(1, Attributes.of(ERROR_TYPE, errorType(failure), OPERATION,
                operation == null ? "unknown" : operation.operation()));
    }

    @Override
    public void jobEnded(JobEnd end) {
        ImageJob job = end.job();
        String outcome = job.status().value();
        AttributesBuilder common = Attributes.builder().put(PROVIDER, PICTORY);
        if (end.model() != null) {
            common.put(REQUEST_MODEL, end.model());
        }
        Attributes byModel = common.build();
        ended.add(1, byModel.toBuilder().put(OUTCOME, outcome).build());
        if (end.duration() != null) {
            AttributesBuilder operation = byModel.toBuilder().put(OPERATION, GENERATE).put(OUTCOME, outcome);
            if (config.serverAddress() != null) {
                operation.put(SERVER_ADDRESS, config.serverAddress());
            }
            if (config.serverPort() > 0) {
                operation.put(SERVER_PORT, (long) config.serverPort());
            }
            if (!job.isCompleted()) {
                operation.put(ERROR_TYPE, job.isFailed() && job.errorCode() != null ? job.errorCode() : outcome);
            }
            duration.record(end.duration().toNanos() / 1e9, operation.build());
        }
        BigDecimal charged = end.charged() != null ? end.charged() : job.aiCreditsUsed();
        if (charged != null && charged.signum() > 0) {
            credits.add(charged.doubleValue(), CreditAttributes.of(byModel, end, config.spenderUser()));
        }
        if (end.reads() > 0) {
            reads.record(end.reads(), byModel);
        }
    }

    @Override
    public void callbackAnswered(boolean accepted) {
        callbacks.add(1, Attributes.of(WEBHOOK_RESULT, accepted ? "accepted" : "refused"));
    }

    @Override
    public void watchBudget(Function<BudgetScope, CreditUsage> usage, List<BudgetScope> scopes) {
        gauges.add(meter.gaugeBuilder("pictory.budget.remaining").setUnit("{credit}")
                .setDescription("Credits the budget still allows in the period (limit - spent - reserved),"
                        + " for the application and per team (pictory.budget.team)")
                .buildWithCallback(new BudgetRemaining(usage, scopes)));
    }

    @Override
    public void close() {
        gauges.forEach(ObservableDoubleGauge::close);
        gauges.clear();
    }

    /** A low-cardinality name of a failure: the HTTP status Pictory answered, else the exception's class. */
    static String errorType(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof PictoryServiceException service && service.status() > 0) {
            return Integer.toString(service.status());
        }
        return cause.getClass().getName();
    }

}
