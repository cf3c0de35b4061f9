package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.ApiKeys;
import io.github.pictory4j.images.client.internal.Blocking;
import io.github.pictory4j.images.client.internal.CallbackTokenGuard;
import io.github.pictory4j.images.client.internal.ClientCore;
import io.github.pictory4j.images.client.internal.InMemoryJobStore;
import io.github.pictory4j.images.client.internal.JobPoller;
import io.github.pictory4j.images.client.internal.JobStore;
import io.github.pictory4j.images.client.internal.MethodValidator;
import io.github.pictory4j.images.client.internal.PictoryGateway;
import io.github.pictory4j.images.client.internal.RetryExecutor;
import io.github.pictory4j.images.client.internal.RetryExecutor.Start;
import io.github.pictory4j.images.client.internal.ImageVault;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.internal.jdbc.Database;
import io.github.pictory4j.images.client.internal.jdbc.JdbcImageVault;
import io.github.pictory4j.images.client.internal.jdbc.JdbcJobStore;
import io.github.pictory4j.images.client.internal.jdbc.Schema;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryLoader;
import io.github.pictory4j.images.client.validation.ValidJobId;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import javax.sql.DataSource;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Pictory's image API for plain Java: the same client {@link ImageService} gives CDI apps, built from
 * settings or from MicroProfile Config, with any MicroProfile REST Client implementation on the class
 * path. Every request is checked against Pictory's rules with Bean Validation before anything is sent,
 * exactly as in a container.
 *
 * <pre>{@code
 * try (PictoryClient pictory = PictoryClient.fromConfig()) {          // PICTORY_API_KEY, pictory.* settings
 *     ImageJob job = pictory.generate(ImageRequest.builder("A lighthouse at dawn").build());
 * }
 * try (PictoryClient pictory = PictoryClient.builder().apiKey(key).build()) { … }
 * }</pre>
 *
 * <p>Thread-safe. Close it when done: pending waits end with a clear error and, unless you gave it your
 * own scheduler, its threads stop.
 */
public final class PictoryClient implements AutoCloseable {

    private static final Method SUBMIT = method("submit", ImageRequest.class);
    private static final Method SUBMIT_ASYNC = method("submitAsync", ImageRequest.class);
    private static final Method GET_JOB = method("getJob", String.class);
    private static final Method CLEAN_JOB = method("cleanJob", String.class);
    private static final Method LIST_IMAGES = method("listImages", String.class);
    private static final Method AWAIT_JOB = method("awaitJob", String.class, Duration.class);
    private static final Method AWAIT_JOB_ASYNC = method("awaitJobAsync", String.class, Duration.class);
    private static final Method GENERATE = method("generate", ImageRequest.class, Duration.class);
    private static final Method GENERATE_ASYNC = method("generateAsync", ImageRequest.class, Duration.class);
    private static final Method JOB = method("job", String.class);
    private static final Method KEPT_IMAGE = method("keptImage", String.class);
    private static final Method DELETE_JOB = method("deleteJob", String.class);

    private final ClientCore core;
    private final MethodValidator validator;
    private final List<AutoCloseable> owned;

    private PictoryClient(ClientCore core, MethodValidator validator, List<AutoCloseable> owned) {
        this.core = core;
        this.validator = validator;
        this.owned = owned;
    }

    /** A builder; only the API key is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured by the application's MicroProfile Config (see the README's Configuration). */
    public static PictoryClient fromConfig() {
        return fromConfig(ConfigProvider.getConfig());
    }

    /**
     * A client configured by {@code config}: {@code pictory.api-key} (read at each call),
     * {@code pictory/mp-rest/url}, {@code …/connectTimeout} and {@code …/readTimeout} (milliseconds),
     * {@code pictory.poll.*}, {@code pictory.retry.*} and {@code pictory.webhook.*}.
     *
     * @throws PictoryConfigurationException naming any unusable setting
     */
    public static PictoryClient fromConfig(Config config) {
        PictorySettings settings = PictorySettings.from(config);
        Builder builder = builder().apiKey(ApiKeys.from(config)).settings(settings)
                .baseUrl(config.getOptionalValue(PictorySettings.BASE_URL, String.class)
                        .orElse(PictorySettings.DEFAULT_BASE_URL));
        millis(config, PictorySettings.CONNECT_TIMEOUT).ifPresent(builder::connectTimeout);
        millis(config, PictorySettings.READ_TIMEOUT).ifPresent(builder::readTimeout);
        WebhookSupport.from(config, settings.pollInterval(), settings.pollTimeout()).ifPresent(builder::webhooks);
        return builder.budget(BudgetSettings.from(config)).telemetry(TelemetrySettings.from(config)).build();
    }

    /** Starts a job; answers its id. */
    public String submit(@NotNull @Valid ImageRequest request) {
        validator.validate(this, SUBMIT, request);
        return Blocking.join(core.submitter().submit(request, Start.INLINE), PictoryGateway.CREATE);
    }

    /** {@link #submit} without blocking. */
    public CompletableFuture<String> submitAsync(@NotNull @Valid ImageRequest request) {
        validator.validate(this, SUBMIT_ASYNC, request);
        return core.submitter().submit(request, Start.SCHEDULED);
    }

    /** The job's state now. */
    public ImageJob getJob(@ValidJobId String jobId) {
        validator.validate(this, GET_JOB, jobId);
        return Blocking.join(core.poller().read(jobId, Start.INLINE), PictoryGateway.reading(jobId));
    }

    /** Removes a finished job's outputs at Pictory. Idempotent. */
    public void cleanJob(@ValidJobId String jobId) {
        validator.validate(this, CLEAN_JOB, jobId);
        Blocking.join(core.gateway().clean(jobId, Start.INLINE), "Cleaning job " + jobId);
    }

    /** The newest page of the account's images. */
    public ImagePage listImages() {
        return Blocking.join(core.gateway().list(null, Start.INLINE), PictoryGateway.LIST);
    }

    /** The page after the one that answered {@code nextPageKey}. */
    public ImagePage listImages(@NotNull String nextPageKey) {
        validator.validate(this, LIST_IMAGES, nextPageKey);
        return Blocking.join(core.gateway().list(nextPageKey, Start.INLINE), PictoryGateway.LIST);
    }

    /** {@link #awaitJob(String, Duration)} with {@code pictory.poll.timeout}. */
    public ImageJob awaitJob(@ValidJobId String jobId) {
        return awaitJob(jobId, settings().pollTimeout());
    }

    /**
     * Waits until the job completes: polls every {@code pictory.poll.interval}, or, for a job submitted
     * with this client's webhook, ends on the callback and polls only as a fallback.
     *
     * @throws ImageJobFailedException when the job failed or was cleaned
     * @throws JobWaitTimeoutException when {@code timeout} passes first
     */
    public ImageJob awaitJob(@ValidJobId String jobId, @NotNull Duration timeout) {
        validator.validate(this, AWAIT_JOB, jobId, timeout);
        return Blocking.join(core.waiter().await(jobId, timeout), "Waiting for job " + jobId);
    }

    /** {@link #awaitJobAsync(String, Duration)} with {@code pictory.poll.timeout}. */
    public CompletableFuture<ImageJob> awaitJobAsync(@ValidJobId String jobId) {
        return awaitJobAsync(jobId, settings().pollTimeout());
    }

    /** {@link #awaitJob(String, Duration)} without blocking: no thread is parked between polls. */
    public CompletableFuture<ImageJob> awaitJobAsync(@ValidJobId String jobId, @NotNull Duration timeout) {
        validator.validate(this, AWAIT_JOB_ASYNC, jobId, timeout);
        return core.waiter().await(jobId, timeout);
    }

    /** Submits and waits up to {@code pictory.poll.timeout}: the completed job, whose {@code url} is the PNG. */
    public ImageJob generate(@NotNull @Valid ImageRequest request) {
        return generate(request, settings().pollTimeout());
    }

    /** Submits and waits up to {@code timeout}. */
    public ImageJob generate(@NotNull @Valid ImageRequest request, @NotNull Duration timeout) {
        validator.validate(this, GENERATE, request, timeout);
        String jobId = Blocking.join(core.submitter().submit(request, Start.INLINE), PictoryGateway.CREATE);
        return Blocking.join(core.waiter().await(jobId, timeout), "Waiting for job " + jobId);
    }

    /** {@link #generate(ImageRequest)} without blocking. */
    public CompletableFuture<ImageJob> generateAsync(@NotNull @Valid ImageRequest request) {
        return generateAsync(request, settings().pollTimeout());
    }

    /** {@link #generate(ImageRequest, Duration)} without blocking. */
    public CompletableFuture<ImageJob> generateAsync(@NotNull @Valid ImageRequest request, @NotNull Duration timeout) {
        validator.validate(this, GENERATE_ASYNC, request, timeout);
        return core.submitter().submit(request, Start.SCHEDULED)
                .thenCompose(jobId -> core.waiter().await(jobId, timeout));
    }

    /** What the store knows of a job (with a durable store, across restarts and instances). */
    public Optional<JobRecord> job(@ValidJobId String jobId) {
        validator.validate(this, JOB, jobId);
        return core.store().find(jobId);
    }

    /** The newest {@code limit} jobs the store knows, newest first. */
    public List<JobRecord> jobs(int limit) {
        return core.store().newestFirst(limit);
    }

    /**
     * The job's PNG as the store keeps it, whether or not Pictory still has it; empty while it is not
     * kept (the job runs, the download is pending or failed, or the store is not durable).
     */
    public Optional<KeptImage> keptImage(@ValidJobId String jobId) {
        validator.validate(this, KEPT_IMAGE, jobId);
        return core.vault().find(jobId);
    }

    /** Forgets a job and its kept image in the store (Pictory's copy is {@link #cleanJob}'s business). */
    public boolean deleteJob(@ValidJobId String jobId) {
        validator.validate(this, DELETE_JOB, jobId);
        return core.store().delete(jobId);
    }

    /** Submissions sent without a job id coming back: Pictory may have created (and charged for) them. */
    public List<UnknownOutcome> unknownOutcomes() {
        return core.follower().unknownOutcomes();
    }

    /**
     * Credits spent and reserved today and this month, what the budget leaves, and the last days'
     * figures. With a durable store these are every instance's on the database; in memory, this client's.
     */
    public CreditUsage usage() {
        return core.usage();
    }

    /** The credit budget in force. */
    public BudgetSettings budget() {
        return core.budget().settings();
    }

    /** Whether what the client records survives a restart (a database is configured). */
    public boolean durable() {
        return core.store().durable();
    }

    /**
     * A webhook callback arrived (your endpoint calls this; CDI apps use {@code PictoryWebhookEndpoint}).
     * False, and nothing done, unless the token is genuine, unexpired and this job's; then the job's
     * state is read from Pictory in the background, which ends waits and tells the job-end listener.
     *
     * @param token        the callback's {@code token} query parameter
     * @param claimedJobId the job id its body names, or null
     */
    public boolean acceptCallback(String token, String claimedJobId) {
        return core.callbacks().accept(token, claimedJobId);
    }

    /** Whether submissions carry this client's webhook. */
    public boolean webhooksEnabled() {
        return core.webhooks() != null;
    }

    /** The polling and retry settings in force. */
    public PictorySettings settings() {
        return core.settings();
    }

    /**
     * Ends every pending wait with a clear error (the jobs go on at Pictory), then stops the threads this
     * client started.
     */
    @Override
    public void close() {
        core.close();
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new PictoryException("Closing the Pictory client failed: " + e.getMessage(), e);
            }
        }
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return PictoryClient.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Optional<Duration> millis(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(text -> {
            try {
                long value = Long.parseLong(text.trim());
                if (value >= 0) {
                    return Duration.ofMillis(value);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new PictoryConfigurationException(key + " (env " + PictorySettings.environmentVariable(key)
                    + ") must be a whole number of milliseconds, such as 10000");
        });
    }

    /** Builds {@link PictoryClient}s. */
    public static final class Builder {
        private Supplier<String> apiKey;
        private String baseUrl = PictorySettings.DEFAULT_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private PictorySettings settings = PictorySettings.DEFAULT;
        private WebhookSupport webhooks;
        private String webhookUrl;
        private String webhookSecret;
        private ScheduledExecutorService scheduler;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private Consumer<ImageJob> onJobEnd = job -> { };
        private Consumer<ImageJob> onJobEndSeen = job -> { };
        private jakarta.validation.Validator beanValidator;
        private MethodValidator methodValidator;
        private PictoryImagesApi api;
        private DataSource dataSource;
        private String dataSourceName = "the job store's DataSource";
        private StoreSettings storeSettings = StoreSettings.DEFAULT;
        private String owner = UUID.randomUUID().toString();
        private RetryExecutor.RetryListener retryListener = RetryExecutor.RetryListener.NONE;
        private BudgetSettings budget = BudgetSettings.NONE;
        private TelemetrySettings telemetrySettings = TelemetrySettings.DEFAULT;
        private Telemetry telemetry;

        private Builder() {
        }

        /** The API key ({@code pictai_…}), sent raw in {@code Authorization}. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            return apiKey(() -> apiKey);
        }

        /**
         * Supplies the key at each call (to follow a rotation); it throws a
         * {@link PictoryConfigurationException} when there is none.
         */
        public Builder apiKey(Supplier<String> apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** Pictory's base URL; by default {@value PictorySettings#DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Connect timeout of one call (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Read timeout of one call (default 60 s). */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** Polling and retries (default {@link PictorySettings#DEFAULT}). */
        public Builder settings(PictorySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Webhooks: every submission carries {@code callbackUrl} with a token signed by {@code secret}
         * (32+ random characters); pass callbacks to {@link #acceptCallback}. Tokens live for
         * the poll timeout plus an hour; jobs are polled as a fallback at the poll interval.
         */
        public Builder webhooks(String callbackUrl, String secret) {
            this.webhookUrl = callbackUrl;
            this.webhookSecret = secret;
            this.webhooks = null;
            return this;
        }

        /** Webhooks configured in full (see {@link WebhookSupport#of}). */
        public Builder webhooks(WebhookSupport webhooks) {
            this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
            this.webhookUrl = null;
            this.webhookSecret = null;
            return this;
        }

        /** Runs polls and retries (default: two daemon threads of the client's own, stopped on close). */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The clock of deadlines and tokens (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Told once per job when it is first seen completed, failed or cleaned; its exceptions are logged. */
        public Builder onJobEnd(Consumer<ImageJob> listener) {
            this.onJobEnd = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Told when this instance learns that a job ended, whether it saw the end itself or another
         * instance on the same database recorded it: at least once per instance, for refreshing views.
         * {@link #onJobEnd} is the once-only (cluster-wide) one.
         */
        public Builder onJobEndSeen(Consumer<ImageJob> listener) {
            this.onJobEndSeen = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The Bean Validation validator of requests (default: the provider's default factory). */
        public Builder validator(jakarta.validation.Validator validator) {
            this.beanValidator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** For tests: the jitter's random share, in [0, 1). */
        Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /** For the CDI bean and tests: a REST client made elsewhere. */
        Builder api(PictoryImagesApi api) {
            this.api = Objects.requireNonNull(api, "api");
            return this;
        }

        /** For the CDI bean, whose container validates calls already. */
        Builder methodValidator(MethodValidator validator) {
            this.methodValidator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Records jobs and keeps their images in this database (H2 or PostgreSQL), so that nothing paid for
         * is lost: every job is followed to its end across restarts. By default jobs are kept in memory.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** How the durable store behaves (images, schema); see {@link StoreSettings}. */
        public Builder storeSettings(StoreSettings storeSettings) {
            this.storeSettings = Objects.requireNonNull(storeSettings, "storeSettings");
            return this;
        }

        /** For the CDI bean: the JNDI name errors give the database. */
        Builder dataSource(DataSource dataSource, String name) {
            this.dataSourceName = name;
            return dataSource(dataSource);
        }

        /** For tests: this instance's name in the store's claims. */
        Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /**
         * The credit budget (null or {@link BudgetSettings#NONE}, the default: no limit). With a durable store
         * the limits hold for every instance on the database together; in memory, for this client alone.
         */
        public Builder budget(BudgetSettings budget) {
            this.budget = budget == null ? BudgetSettings.NONE : budget;
            return this;
        }

        /**
         * What the telemetry may record (null or {@link TelemetrySettings#DEFAULT}: no prompt). Spans and
         * metrics go to the runtime's OpenTelemetry (MicroProfile Telemetry's, else the global one) when its
         * API is on the class path.
         */
        public Builder telemetry(TelemetrySettings settings) {
            this.telemetrySettings = settings == null ? TelemetrySettings.DEFAULT : settings;
            return this;
        }

        /** For tests: the telemetry itself. */
        Builder telemetry(Telemetry telemetry) {
            this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
            return this;
        }

        Builder retryListener(RetryExecutor.RetryListener listener) {
            this.retryListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The client.
         *
         * @throws PictoryConfigurationException when no key is set, a setting is unusable, or a MicroProfile
         *                                       REST Client or Bean Validation implementation is missing
         */
        public PictoryClient build() {
            if (apiKey == null) {
                throw ApiKeys.missing();
            }
            // The tables first: a store that cannot start leaves no thread behind.
            JobStore store = new InMemoryJobStore();
            ImageVault vault = ImageVault.NONE;
            if (dataSource != null) {
                Database database = new Database(dataSource, dataSourceName);
                Schema.ensure(database, storeSettings.createSchema(), clock.instant());
                Duration slowest = hooksFallback().filter(f -> f.compareTo(settings.pollInterval()) > 0)
                        .orElse(settings.pollInterval());
                store = new JdbcJobStore(database, owner, JobPoller.lease(slowest));
                vault = new JdbcImageVault(database);
            }
            List<AutoCloseable> owned = new ArrayList<>();
            WebhookSupport hooks = webhooks != null ? webhooks : webhookUrl == null ? null : WebhookSupport.of(webhookUrl,
                    webhookSecret, WebhookSupport.defaultTokenTtl(settings.pollTimeout()), settings.pollInterval(), clock);
            TelemetryConfig observing = TelemetryConfig.of(telemetrySettings.recordPrompt(), baseUrl);
            Telemetry observed = telemetry != null ? telemetry
                    : TelemetryLoader.load(hooks == null ? observing : observing.withCallback(hooks.callbackUrl()));
            hooks = CallbackTokenGuard.webhooksUnlessExposed(hooks, observed, telemetrySettings);
            MethodValidator validation = methodValidator != null ? methodValidator : beanValidation(owned);
            ScheduledExecutorService executor = scheduler;
            if (executor == null) {
                ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(2, daemonThreads());
                own.setRemoveOnCancelPolicy(true);
                executor = own;
                owned.add(() -> {
                    own.shutdownNow();
                    own.awaitTermination(5, TimeUnit.SECONDS);
                });
            }
            PictoryImagesApi rest = api;
            if (rest == null) {
                rest = restClient();
                // The client made it, so the client closes it (MicroProfile REST Client proxies are AutoCloseable).
                if (rest instanceof AutoCloseable closeable) {
                    owned.add(closeable);
                }
            }
            ClientCore core = ClientCore.assemble(new ClientCore.Wiring(rest, apiKey, settings,
                    hooks, executor, clock, jitter, onJobEnd, onJobEndSeen, store, vault, storeSettings, owner, retryListener,
                    budget, observed));
            core.start();
            return new PictoryClient(core, validation, List.copyOf(owned));
        }

        /** The fallback poll interval of the webhooks configured, if any. */
        private Optional<Duration> hooksFallback() {
            return webhooks != null ? Optional.of(webhooks.fallbackPollInterval())
                    : Optional.ofNullable(webhookUrl == null ? null : settings.pollInterval());
        }

        private MethodValidator beanValidation(List<AutoCloseable> owned) {
            if (beanValidator != null) {
                return MethodValidator.of(beanValidator);
            }
            try {
                ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
                owned.add(factory::close);
                return MethodValidator.of(factory.getValidator());
            } catch (ValidationException e) { // NoProviderFoundException among others
                throw new PictoryConfigurationException("Requests are checked with Bean Validation before anything is"
                        + " sent, and no Bean Validation provider is on the class path: add one, such as"
                        + " org.hibernate.validator:hibernate-validator with org.glassfish.expressly:expressly ("
                        + e.getMessage() + ")");
            }
        }

        private PictoryImagesApi restClient() {
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new PictoryConfigurationException(PictorySettings.BASE_URL + " (env "
                        + PictorySettings.environmentVariable(PictorySettings.BASE_URL) + ") is not a URL: " + e.getMessage());
            }
            try {
                return RestClientBuilder.newBuilder().baseUri(uri)
                        .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .build(PictoryImagesApi.class);
            } catch (IllegalStateException | ServiceConfigurationError e) {
                throw new PictoryConfigurationException("No MicroProfile REST Client implementation is on the class"
                        + " path: add one, such as org.jboss.resteasy.microprofile:microprofile-rest-client with a JSON-B"
                        + " provider (" + e.getMessage() + ")");
            }
        }

        private static java.util.concurrent.ThreadFactory daemonThreads() {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, "pictory4j-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
