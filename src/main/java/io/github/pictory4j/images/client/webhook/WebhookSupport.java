package io.github.pictory4j.images.client.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Pictory calls this app back, and the tokens that make each callback URL unguessable.
 *
 * @param callbackUrl          the public URL of the app's webhook endpoint ({@code pictory.webhook.url})
 * @param tokens               issues and verifies the per-submission tokens
 * @param fallbackPollInterval how often a job that will call back is polled anyway, in case the callback
 *                             is lost ({@code pictory.webhook.fallback-poll-interval}; by default the poll interval)
 */
public record WebhookSupport(String callbackUrl, WebhookTokens tokens, Duration fallbackPollInterval) {

    /** Pictory's limit on a webhook URL. */
    public static final int MAX_URL_LENGTH = 500;

    public WebhookSupport {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(fallbackPollInterval, "fallbackPollInterval");
    }

    /** The URL Pictory is given for one submission: the callback URL with its token. */
    public String urlFor(WebhookTokens.Issued issued) {
        String separator = URI.create(callbackUrl).getRawQuery() == null ? "?" : "&";
        return callbackUrl + separator + "token=" + issued.token();
    }
}
