package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.ClientAssembly;
import io.github.pictory4j.images.client.internal.ClientOptions;
import io.github.pictory4j.images.client.internal.http.RetryExecutor;
import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.webhook.WebhookSupport;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/** Builds {@link PictoryClient}s: {@code PictoryClient.builder().apiKey(key).build()}. Only the key is required. */
public final class PictoryClientBuilder {
    private Supplier<String> apiKey;
    private String baseUrl = PictorySettings.DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private PictorySettings settings = PictorySettings.DEFAULT;
    private WebhookSupport webhooks;
    private String webhookUrl;
    private String webhookSecret;
    private BudgetSettings budget = BudgetSettings.NONE;
    private TelemetrySettings telemetrySettings = TelemetrySettings.DEFAULT;
    private StoreSettings storeSettings = StoreSettings.DEFAULT;
    private DataSource dataSource;
    private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();
    private Consumer<ImageJob> onJobEnd = job -> { };
    private Consumer<ImageJob> onJobEndSeen = job -> { };
    private jakarta.validation.Validator validator;
    // Set by the module's own tests only.
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private PictoryImagesApi api;
    private String owner = UUID.randomUUID().toString();
    private RetryExecutor.RetryListener retryListener = RetryExecutor.RetryListener.NONE;
    private Telemetry telemetry;

    PictoryClientBuilder() {
    }

    /** The API key ({@code pictai_…}), sent raw in {@code Authorization}. */
    public PictoryClientBuilder apiKey(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        return apiKey(() -> apiKey);
    }

    /** Supplies the key at each call (to follow a rotation); it throws a {@link PictoryConfigurationException} when there is none. */
    public PictoryClientBuilder apiKey(Supplier<String> apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        return this;
    }

    /** Pictory's base URL; by default {@value PictorySettings#DEFAULT_BASE_URL}. */
    public PictoryClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return this;
    }

    /** Connect timeout of one call (default 10 s). */
    public PictoryClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        return this;
    }

    /** Read timeout of one call (default 60 s). */
    public PictoryClientBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        return this;
    }

    /** Polling and retries (default {@link PictorySettings#DEFAULT}). */
    public PictoryClientBuilder settings(PictorySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Webhooks: every submission carries {@code callbackUrl} with a token signed by {@code secret} (32+ random
     * characters); pass callbacks to {@link PictoryClient#acceptCallback}. Tokens live for the poll timeout plus an
     * hour; jobs are polled as a fallback at the poll interval.
     */
    public PictoryClientBuilder webhooks(String callbackUrl, String secret) {
        this.webhookUrl = callbackUrl;
        this.webhookSecret = secret;
        this.webhooks = null;
        return this;
    }

    /** Webhooks configured in full (see {@link WebhookSupport#of}). */
    public PictoryClientBuilder webhooks(WebhookSupport webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.webhookUrl = null;
        this.webhookSecret = null;
        return this;
    }

    /** Runs polls and retries (default: two daemon threads of the client's own, stopped on close). */
    public PictoryClientBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** The clock of deadlines, tokens and budget periods (default UTC system clock). */
    public PictoryClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Told once per job when it is first seen completed, failed or cleaned; its exceptions are logged. */
    public PictoryClientBuilder onJobEnd(Consumer<ImageJob> listener) {
        this.onJobEnd = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Told when this instance learns that a job ended, whether it saw the end itself or another instance on the
     * same database recorded it: at least once per instance, for refreshing views. {@link #onJobEnd} is the
     * once-only (cluster-wide) one.
     */
    public PictoryClientBuilder onJobEndSeen(Consumer<ImageJob> listener) {
        this.onJobEndSeen = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The Bean Validation validator of calls (default: the provider's default factory). */
    public PictoryClientBuilder validator(jakarta.validation.Validator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        return this;
    }

    /**
     * Records jobs and keeps their images in this database (H2 or PostgreSQL), so that nothing paid for is lost:
     * every job is followed to its end across restarts. By default jobs are kept in memory.
     */
    public PictoryClientBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /**
     * How the durable store behaves (images, schema); see {@link StoreSettings}. When it names a data source and
     * none is given to {@link #dataSource}, the name is looked up in JNDI.
     */
    public PictoryClientBuilder storeSettings(StoreSettings storeSettings) {
        this.storeSettings = Objects.requireNonNull(storeSettings, "storeSettings");
        return this;
    }

    /**
     * The credit budget (null or {@link BudgetSettings#NONE}, the default: no limit). With a durable store the
     * limits hold for every instance on the database together; in memory, for this client alone.
     */
    public PictoryClientBuilder budget(BudgetSettings budget) {
        this.budget = budget == null ? BudgetSettings.NONE : budget;
        return this;
    }

    /**
     * What the telemetry may record (null or {@link TelemetrySettings#DEFAULT}: no prompt). Spans and metrics go
     * to the runtime's OpenTelemetry (MicroProfile Telemetry's, else the global one) when its API is on the
     * class path.
     */
    public PictoryClientBuilder telemetry(TelemetrySettings settings) {
        this.telemetrySettings = settings == null ? TelemetrySettings.DEFAULT : settings;
        return this;
    }

    /** Everything MicroProfile Config says (the CDI bean and {@link PictoryClient#fromConfig}). */
    PictoryClientBuilder configuration(PictoryConfig config) {
        apiKey(config.apiKey()).baseUrl(config.baseUrl()).settings(config.settings()).budget(config.budget())
                .telemetry(config.telemetry()).storeSettings(config.store());
        config.connectTimeout().ifPresent(this::connectTimeout);
        config.readTimeout().ifPresent(this::readTimeout);
        config.webhooks().ifPresent(this::webhooks);
        return this;
    }

    /** For tests: the jitter's random share, in [0, 1). */
    PictoryClientBuilder jitter(DoubleSupplier jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return this;
    }

    /** For tests: a REST client made elsewhere. */
    PictoryClientBuilder api(PictoryImagesApi api) {
        this.api = Objects.requireNonNull(api, "api");
        return this;
    }

    /** For tests: this instance's name in the store's claims. */
    PictoryClientBuilder owner(String owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
        return this;
    }

    /** For tests: the telemetry itself. */
    PictoryClientBuilder telemetry(Telemetry telemetry) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        return this;
    }

    /** For tests: told of every retry. */
    PictoryClientBuilder retryListener(RetryExecutor.RetryListener listener) {
        this.retryListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * The client.
     *
     * @throws PictoryConfigurationException when no key is set, a setting is unusable, or a MicroProfile REST
     *                                       Client or Bean Validation implementation is missing
     */
    public PictoryClient build() {
        if (apiKey == null) {
            throw PictoryConfig.missingKey();
        }
        WebhookSupport hooks = webhooks != null ? webhooks : webhookUrl == null ? null : WebhookSupport.of(webhookUrl,
                webhookSecret, WebhookSupport.defaultTokenTtl(settings.pollTimeout()), settings.pollInterval(), clock);
        PictoryConfig config = new PictoryConfig(apiKey, baseUrl, Optional.of(connectTimeout), Optional.of(readTimeout),
                settings, Optional.ofNullable(hooks), budget, telemetrySettings, storeSettings);
        return ClientAssembly.assemble(new ClientOptions(config, Optional.ofNullable(dataSource),
                Optional.ofNullable(scheduler), clock, onJobEnd, onJobEndSeen, Optional.ofNullable(validator), jitter,
                Optional.ofNullable(api), owner, retryListener, Optional.ofNullable(telemetry)));
    }
}
