package io.github.pictory4j.images.client.internal.config;

import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.RetryPolicy;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.client.TelemetrySettings;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static io.github.pictory4j.images.client.internal.config.ConfigValues.duration;
import static io.github.pictory4j.images.client.internal.config.ConfigValues.integer;

/**
 * Everything the module reads from MicroProfile Config, read here and nowhere else: the CDI bean and
 * {@code PictoryClient.fromConfig} both start from it. The API key alone is read again at each call, so that a
 * rotated key is used without a restart.
 *
 * @param webhooks empty unless {@code pictory.webhook.url} is set
 */
public record PictoryConfig(Supplier<String> apiKey, String baseUrl, Optional<Duration> connectTimeout,
                            Optional<Duration> readTimeout, PictorySettings settings, Optional<WebhookSupport> webhooks,
                            BudgetSettings budget, TelemetrySettings telemetry, StoreSettings store) {

    public static final String API_KEY = PictorySettings.API_KEY;

    /** @throws PictoryConfigurationException naming the first unusable setting (a missing key is not one) */
    public static PictoryConfig read(Config config) {
        return read(config, Clock.systemUTC());
    }

    /** {@link #read(Config)} with webhook tokens timed by {@code clock}. */
    public static PictoryConfig read(Config config, Clock clock) {
        PictorySettings settings = settings(config);
        return new PictoryConfig(() -> apiKey(config).orElseThrow(PictoryConfig::missingKey), baseUrl(config),
                ConfigValues.millis(config, PictorySettings.CONNECT_TIMEOUT),
                ConfigValues.millis(config, PictorySettings.READ_TIMEOUT), settings, webhooks(config, settings.pollInterval(), settings.pollTimeout(), clock),
                budget(config), telemetry(config), store(config));
    }

    /** The configured key, when there is a non-blank one. */
    public static Optional<String> apiKey(Config config) {
        return config.getOptionalValue(API_KEY, String.class).filter(key -> !key.isBlank());
    }

    /** Pictory's base URL: {@code pictory/mp-rest/url}, else Pictory's own. */
    public static String baseUrl(Config config) {
        return ConfigValues.text(config, PictorySettings.BASE_URL).orElse(PictorySettings.DEFAULT_BASE_URL);
    }

    /** What a call without a key throws: where to set one, on any runtime. */
    public static PictoryConfigurationException missingKey() {
        return new PictoryConfigurationException("No Pictory API key is configured: set the MicroProfile Config property "
                + API_KEY + ", for example as the environment variable " + ConfigValues.environmentVariable(API_KEY)
                + ", as a system property, or in your runtime's configuration (a <variable> in Open Liberty's server.xml,"
                + " a system property in Payara or WildFly). Keys start with pictai_ and come from Pictory's API access"
                + " page.");
    }

    public static PictorySettings settings(Config config) {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        RetryPolicy retry = new RetryPolicy(
                integer(config, PictorySettings.RETRY_MAX_RETRIES, defaults.maxRetries()).orElse(defaults.maxRetries()),
                duration(config, PictorySettings.RETRY_BASE_DELAY).orElse(defaults.baseDelay()),
                duration(config, PictorySettings.RETRY_MAX_DELAY).orElse(defaults.maxDelay()),
                duration(config, PictorySettings.RETRY_MAX_RETRY_AFTER).orElse(defaults.maxRetryAfter()));
        PictorySettings fallback = PictorySettings.DEFAULT;
        return new PictorySettings(
                duration(config, PictorySettings.POLL_INTERVAL).orElse(fallback.pollInterval()),
                duration(config, PictorySettings.POLL_TIMEOUT).orElse(fallback.pollTimeout()),
                retry,
                integer(config, PictorySettings.BACKGROUND_THREADS, fallback.backgroundThreads())
                        .orElse(fallback.backgroundThreads()));
    }

    /**
     * Webhooks as configured: empty when {@code pictory.webhook.url} is not set.
     *
     * @param pollInterval the default of the fallback poll interval
     * @param pollTimeout  tokens live this long plus an hour by default, so that no wait outlives its token
     */
    public static Optional<WebhookSupport> webhooks(Config config, Duration pollInterval, Duration pollTimeout) {
        return webhooks(config, pollInterval, pollTimeout, Clock.systemUTC());
    }

    /** {@link #webhooks(Config, Duration, Duration)} with tokens timed by {@code clock}. */
    public static Optional<WebhookSupport> webhooks(Config config, Duration pollInterval, Duration pollTimeout,
                                                    Clock clock) {
        return ConfigValues.text(config, WebhookSupport.URL).map(url -> WebhookSupport.of(url,
                config.getOptionalValue(WebhookSupport.SECRET, String.class).orElse(""),
                duration(config, WebhookSupport.TOKEN_TTL).orElse(WebhookSupport.defaultTokenTtl(pollTimeout)),
                duration(config, WebhookSupport.FALLBACK_POLL_INTERVAL).orElse(pollInterval), clock));
    }

    public static BudgetSettings budget(Config config) {
        return new BudgetSettings(ConfigValues.credits(config, BudgetSettings.DAILY_CREDITS).orElse(null),
                ConfigValues.credits(config, BudgetSettings.MONTHLY_CREDITS).orElse(null),
                ConfigValues.zone(config, BudgetSettings.TIME_ZONE).orElse(BudgetSettings.UTC),
                new BudgetSettings.Limits(ConfigValues.credits(config, BudgetSettings.USER_DAILY_CREDITS).orElse(null),
                        ConfigValues.credits(config, BudgetSettings.USER_MONTHLY_CREDITS).orElse(null)),
                new BudgetSettings.Limits(ConfigValues.credits(config, BudgetSettings.TEAM_DAILY_CREDITS).orElse(null),
                        ConfigValues.credits(config, BudgetSettings.TEAM_MONTHLY_CREDITS).orElse(null)),
                config.getOptionalValues(BudgetSettings.TEAMS, String.class).orElse(List.of()).stream()
                        .map(String::trim).filter(team -> !team.isEmpty()).toList(),
                ConfigValues.flag(config, BudgetSettings.SIMULATED).orElse(false));
    }

    public static TelemetrySettings telemetry(Config config) {
        return new TelemetrySettings(ConfigValues.flag(config, TelemetrySettings.RECORD_PROMPT).orElse(false),
                // Read leniently: it is the runtime's setting, and its own parser decides what it accepts.
                config.getOptionalValue(TelemetrySettings.OTEL_SDK_DISABLED, String.class).map(String::trim)
                        .map(text -> text.equalsIgnoreCase("false")).orElse(false),
                ConfigValues.flag(config, TelemetrySettings.SPENDER_USER).orElse(false));
    }

    public static StoreSettings store(Config config) {
        StoreSettings fallback = StoreSettings.DEFAULT;
        return new StoreSettings(
                ConfigValues.text(config, StoreSettings.DATASOURCE).orElse(null),
                ConfigValues.flag(config, StoreSettings.CREATE_SCHEMA).orElse(fallback.createSchema()),
                ConfigValues.whole(config, StoreSettings.IMAGE_MAX_BYTES, fallback.imageMaxBytes())
                        .orElse(fallback.imageMaxBytes()),
                duration(config, StoreSettings.IMAGE_TIMEOUT).orElse(fallback.imageTimeout()),
                integer(config, StoreSettings.IMAGE_ATTEMPTS, fallback.imageAttempts()).orElse(fallback.imageAttempts()),
                integer(config, StoreSettings.IMAGE_DOWNLOADS, fallback.imageDownloads()).orElse(fallback.imageDownloads()),
                duration(config, StoreSettings.SWEEP_INTERVAL).orElse(fallback.sweepInterval()),
                duration(config, StoreSettings.WATCH_INTERVAL).orElse(fallback.watchInterval()));
    }
}
