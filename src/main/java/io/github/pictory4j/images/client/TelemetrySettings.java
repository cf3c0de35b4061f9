package io.github.pictory4j.images.client;

/**
 * What the module's telemetry may record ({@code pictory.telemetry.*}), and whether the runtime exports
 * telemetry. Spans and metrics go wherever the runtime's MicroProfile Telemetry (OpenTelemetry) sends them;
 * without it, nothing is recorded. The API key, the webhook secret and callback tokens are never recorded;
 * the prompt and the user a job was charged to only when allowed here.
 *
 * @param recordPrompt   record the prompt on the submission's span ({@code pictory.telemetry.record-prompt},
 *                       default false: prompts may hold what users would not want in a trace store)
 * @param runtimeExports the runtime's OpenTelemetry SDK is on ({@code otel.sdk.disabled=false}, MicroProfile
 *                       Telemetry's switch, env {@code OTEL_SDK_DISABLED}): its HTTP server spans then record
 *                       each callback's query, the token, which the module can replace only where it sees the
 *                       OpenTelemetry API. Where it cannot, webhooks give way to polling (see {@link PictoryClient})
 * @param spenderUser    record the user a job was charged to as {@code enduser.id} on {@code pictory.credits.used}
 *                       ({@code pictory.telemetry.spender-user}, default false: a user's name is personal data; the
 *                       team, {@code pictory.budget.team}, is always recorded)
 */
public record TelemetrySettings(boolean recordPrompt, boolean runtimeExports, boolean spenderUser) {

    public static final String RECORD_PROMPT = "pictory.telemetry.record-prompt";
    public static final String SPENDER_USER = "pictory.telemetry.spender-user";
    /** MicroProfile Telemetry's own switch: the SDK is off unless this is {@code false}. */
    public static final String OTEL_SDK_DISABLED = "otel.sdk.disabled";

    /** Prompts are not recorded; the runtime is not known to export. */
    public static final TelemetrySettings DEFAULT = new TelemetrySettings(false, false, false);

    /** Settings that record the prompt or not, for a runtime not known to export; no user is recorded. */
    public TelemetrySettings(boolean recordPrompt) {
        this(recordPrompt, false);
    }

    /** Settings that record the prompt or not, for a runtime that exports or not; no user is recorded. */
    public TelemetrySettings(boolean recordPrompt, boolean runtimeExports) {
        this(recordPrompt, runtimeExports, false);
    }

    /** These settings, recording the user a job was charged to ({@code enduser.id}) or not. */
    public TelemetrySettings spenderUser(boolean spenderUser) {
        return new TelemetrySettings(recordPrompt, runtimeExports, spenderUser);
    }
}
