package io.github.pictory4j.images.client.webhook;

import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.internal.config.ConfigValues;
import io.github.pictory4j.images.client.validation.HttpUrlValidator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    public static final String URL = "pictory.webhook.url";
    public static final String SECRET = "pictory.webhook.secret";
    public static final String TOKEN_TTL = "pictory.webhook.token-ttl";
    public static final String FALLBACK_POLL_INTERVAL = "pictory.webhook.fallback-poll-interval";

    /** Room for {@code ?token=} and a token after the configured URL, within Pictory's 500 characters. */
    private static final int TOKEN_ROOM = 100;

    public WebhookSupport {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(fallbackPollInterval, "fallbackPollInterval");
    }

    /**
     * Webhooks at {@code callbackUrl}, with tokens signed by {@code secret}.
     *
     * @param tokenTtl             how long a callback token is accepted ({@link #defaultTokenTtl} by default)
     * @param fallbackPollInterval how often a job that will call back is polled anyway
     * @throws PictoryConfigurationException when the URL is unusable or the secret too short (never shown)
     */
    public static WebhookSupport of(String callbackUrl, String secret, Duration tokenTtl, Duration fallbackPollInterval,
                                    Clock clock) {
        if (callbackUrl == null || !HttpUrlValidator.isAbsoluteHttpUrl(callbackUrl)
                || callbackUrl.length() > MAX_URL_LENGTH - TOKEN_ROOM) {
            throw new PictoryConfigurationException(URL + " (env " + ConfigValues.environmentVariable(URL)
                    + ") must be the absolute http(s) URL at which Pictory can reach this app's webhook endpoint, at most "
                    + (MAX_URL_LENGTH - TOKEN_ROOM) + " characters (a token is added to it)");
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new PictoryConfigurationException(URL + " is set, so " + SECRET + " (env "
                    + ConfigValues.environmentVariable(SECRET) + ") must be set too: a random string of at least 32"
                    + " characters that signs the callback tokens, for example from `openssl rand -hex 32`");
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new PictoryConfigurationException(TOKEN_TTL + " (env " + ConfigValues.environmentVariable(TOKEN_TTL)
                    + ") must be positive, such as 2h");
        }
        if (fallbackPollInterval == null || fallbackPollInterval.isNegative() || fallbackPollInterval.isZero()) {
            throw new PictoryConfigurationException(FALLBACK_POLL_INTERVAL + " (env "
                    + ConfigValues.environmentVariable(FALLBACK_POLL_INTERVAL) + ") must be positive, such as 1m");
        }
        return new WebhookSupport(callbackUrl, new WebhookTokens(secret, tokenTtl, clock), fallbackPollInterval);
    }

    /** Tokens outlive the longest wait by an hour, so that no wait outlives its token. */
    public static Duration defaultTokenTtl(Duration pollTimeout) {
        return pollTimeout.plus(Duration.ofHours(1));
    }

    /** The URL Pictory is given for one submission: the callback URL with its token. */
    public String urlFor(WebhookTokens.Issued issued) {
        String separator = URI.create(callbackUrl).getRawQuery() == null ? "?" : "&";
        return callbackUrl + separator + "token=" + issued.token();
    }
}
