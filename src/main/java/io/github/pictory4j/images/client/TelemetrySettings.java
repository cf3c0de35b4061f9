package io.github.pictory4j.images.client;

import org.eclipse.microprofile.config.Config;

/**
 * What the module's telemetry may record ({@code pictory.telemetry.*}). Spans and metrics go wherever the
 * runtime's MicroProfile Telemetry (OpenTelemetry) sends them; without it, nothing is recorded. The API
 * key, the webhook secret and callback tokens are never recorded; the prompt only when allowed here.
 *
 * @param recordPrompt record the prompt on the submission's span ({@code pictory.telemetry.record-prompt},
 *                     default false: prompts may hold what users would not want in a trace store)
 */
public record TelemetrySettings(boolean recordPrompt) {

    public static final String RECORD_PROMPT = "pictory.telemetry.record-prompt";

    /** Prompts are not recorded. */
    public static final TelemetrySettings DEFAULT = new TelemetrySettings(false);

    public static TelemetrySettings from(Config config) {
        return new TelemetrySettings(config.getOptionalValue(RECORD_PROMPT, String.class).map(String::trim)
                .map(text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new PictoryConfigurationException(RECORD_PROMPT + " (env "
                            + PictorySettings.environmentVariable(RECORD_PROMPT) + ") must be true or false");
                }).orElse(false));
    }
}
