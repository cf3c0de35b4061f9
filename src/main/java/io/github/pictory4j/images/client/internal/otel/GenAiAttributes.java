package io.github.pictory4j.images.client.internal.otel;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attribute names: the OpenTelemetry GenAI semantic conventions' where they have one, and
 * {@code pictory.*} for what they lack. Kept here as strings (the semconv artifact is incubating).
 */
final class GenAiAttributes {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> OUTPUT_TYPE = AttributeKey.stringKey("gen_ai.output.type");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    /** The prompt, recorded only when {@code pictory.telemetry.record-prompt} allows it. */
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    /** The HTTP conventions' query of a request (the runtime's server span of a webhook callback has one). */
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    /** Path and query of a server span in the HTTP conventions before 1.20 (MicroProfile Telemetry 1.x). */
    static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
    /** The full URL of a server span in the HTTP conventions before 1.20. */
    static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");

    static final AttributeKey<String> ASPECT_RATIO = AttributeKey.stringKey("pictory.request.aspect_ratio");
    static final AttributeKey<String> STYLE = AttributeKey.stringKey("pictory.request.style");
    static final AttributeKey<Double> CREDITS_ESTIMATED = AttributeKey.doubleKey("pictory.credits.estimated");
    static final AttributeKey<Double> CREDITS_USED = AttributeKey.doubleKey("pictory.credits.used");
    static final AttributeKey<String> JOB_STATUS = AttributeKey.stringKey("pictory.job.status");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("pictory.job.outcome");
    static final AttributeKey<Long> POLLS = AttributeKey.longKey("pictory.polls");
    static final AttributeKey<Long> RETRIES = AttributeKey.longKey("pictory.retries");
    static final AttributeKey<String> END_SOURCE = AttributeKey.stringKey("pictory.end.source");
    static final AttributeKey<String> WEBHOOK_RESULT = AttributeKey.stringKey("pictory.webhook.result");
    static final AttributeKey<Long> IMAGE_BYTES = AttributeKey.longKey("pictory.image.bytes");
    static final AttributeKey<String> BUDGET_PERIOD = AttributeKey.stringKey("pictory.budget.period");
    /** The team a job was charged to, or whose budget a gauge reports: a team is not a person, so always recorded. */
    static final AttributeKey<String> BUDGET_TEAM = AttributeKey.stringKey("pictory.budget.team");
    /** Credits a simulator reported ({@code pictory.budget.simulated}): not real, never counted against a limit. */
    static final AttributeKey<Boolean> CREDITS_SIMULATED = AttributeKey.booleanKey("pictory.credits.simulated");
    /**
     * The general conventions' end user: the user a job was charged to, recorded only when
     * {@code pictory.telemetry.spender-user} allows it (a user's name is personal data).
     */
    static final AttributeKey<String> ENDUSER_ID = AttributeKey.stringKey("enduser.id");

    static final String PICTORY = "pictory";
    static final String IMAGE = "image";

    /** The operations, as {@code gen_ai.operation.name} and the first word of span names. */
    static final String GENERATE = "generate_content";
    static final String FOLLOW = "follow_job";
    static final String CALLBACK = "webhook_callback";
    static final String DOWNLOAD = "download_image";

    private GenAiAttributes() {
    }
}
