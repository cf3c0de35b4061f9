package io.github.pictory4j.images.client.webhook;

import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.validation.HttpUrlValidator;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
     * Webhooks as configured: empty when {@code pictory.webhook.url} is not set.
     *
     * @param pollInterval the default of the fallback poll interval
     * @param pollTimeout  tokens live this long plus an hour by default, so that no wait outlives its token
     * @throws PictoryConfigurationException when the URL is unusable, or set without a long enough secret
     */
    public static Optional<WebhookSupport> from(Config config, Duration pollInterval, Duration pollTimeout) {
        return from(config, pollInterval, pollTimeout, Clock.systemUTC());
    }

    /** {@link #from(Config, Duration, Duration)} with tokens timed by {@code clock}. */
    public static Optional<WebhookSupport> from(Config config, Duration pollInterval, Duration pollTimeout, Clock clock) {
        Optional<String> url = config.getOptionalValue(URL, String.class).map(String::trim).filter(u -> !u.isEmpty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(url.get(), config.getOptionalValue(SECRET, String.class).orElse(""),
                duration(config, TOKEN_TTL).orElse(defaultTokenTtl(pollTimeout)),
                duration(config, FALLBACK_POLL_INTERVAL).orElse(pollInterval), clock));
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
            throw new PictoryConfigurationException(URL + " (env " + PictorySettings.environmentVariable(URL)
                    + ") must be the absolute http(s) URL at which Pictory can reach this app's webhook endpoint, at most "
                    + (MAX_URL_LENGTH - TOKEN_ROOM) + " characters (a token is added to it)");
        }
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new PictoryConfigurationException(URL + " is set, so " + SECRET + " (env "
                    + PictorySettings.environmentVariable(SECRET) + ") must be set too: a random string of at least 32"
                    + " characters that signs the callback tokens, for example from `openssl rand -hex 32`");
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new PictoryConfigurationException(TOKEN_TTL + " (env " + PictorySettings.environmentVariable(TOKEN_TTL)
                    + ") must be positive, such as 2h");
        }
        if (fallbackPollInterval == null || fallbackPollInterval.isNegative() || fallbackPollInterval.isZero()) {
            throw new PictoryConfigurationException(FALLBACK_POLL_INTERVAL + " (env "
                    + PictorySettings.environmentVariable(FALLBACK_POLL_INTERVAL) + ") must be positive, such as 1m");
        }
        return new WebhookSupport(callbackUrl, new WebhookTokens(secret, tokenTtl, clock), fallbackPollInterval);
    }

    /** Tokens outlive the longest wait by an hour, so that no wait outlives its token. */
    public static Duration defaultTokenTtl(Duration pollTimeout) {
        return pollTimeout.plus(Duration.ofHours(1));
    }

    private static Optional<Duration> duration(Config config, String key) {
        return PictorySettings.duration(config, key);
    }

    /** The URL Pictory is given for one submission: the callback URL with its token. */
    public String urlFor(WebhookTokens.Issued issued) {
        String separator = URI.create(callbackUrl).getRawQuery() == null ? "?" : "&";
        return callbackUrl + separator + "token=" + issued.token();
    }
}
