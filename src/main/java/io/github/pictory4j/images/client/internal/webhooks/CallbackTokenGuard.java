package io.github.pictory4j.images.client.internal.webhooks;

import io.github.pictory4j.images.client.TelemetrySettings;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.webhook.WebhookSupport;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps callback tokens out of the runtime's telemetry. A token travels in the webhook's query, and a runtime that
 * exports records that query on the callback's server span; the module replaces it there only where it sees the
 * OpenTelemetry API. Where it does not and the runtime exports, no callback URL is handed to Pictory: jobs are
 * polled, and a warning says why.
 */
public final class CallbackTokenGuard {

    private static final Logger LOG = Logger.getLogger(CallbackTokenGuard.class.getName());

    /** Why webhooks were turned off. */
    public static final String WARNING = WebhookSupport.URL + " is set, but jobs are polled instead:"
            + " the runtime exports telemetry (" + TelemetrySettings.OTEL_SDK_DISABLED + "=false) and this application"
            + " cannot see the OpenTelemetry API, so pictory4j cannot keep callback tokens out of the runtime's HTTP"
            + " server spans. Let the application see the API (on Open Liberty, declare it with <classloader"
            + " apiTypeVisibility=\"+third-party\"/>), or unset " + WebhookSupport.URL + " to silence this.";

    private CallbackTokenGuard() {
    }

    /** {@code hooks}, or none (with the warning) where their tokens would be exported. */
    public static Optional<WebhookSupport> webhooksUnlessExposed(Optional<WebhookSupport> hooks, Telemetry observed,
                                                                 TelemetrySettings settings) {
        if (hooks.isPresent() && observed == Telemetry.NONE && settings.runtimeExports()) {
            LOG.warning(WARNING);
            return Optional.empty();
        }
        return hooks;
    }
}
