package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.ApiKeys;
import io.github.pictory4j.images.client.internal.MethodValidator;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.validation.ValidJobId;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What apps inject to generate images with Pictory: {@code @Inject ImageService images;}.
 *
 * <p>Every request is checked against Pictory's rules before anything is sent (a
 * {@link jakarta.validation.ConstraintViolationException} names the field and the rule, such as
 * {@code submit.request.prompt}); the API key comes from {@code pictory.api-key} (env
 * {@code PICTORY_API_KEY}) at each call; transient failures are retried ({@code pictory.retry.*});
 * waits poll every {@code pictory.poll.interval} up to {@code pictory.poll.timeout}. The asynchronous
 * forms run on the container's managed scheduled executor and park no thread while a job is in
 * progress. Errors are {@link PictoryException}s.
 *
 * <p>When {@code pictory.webhook.url} is set, every submission carries a callback URL with its own
 * token (see {@link io.github.pictory4j.images.client.webhook.PictoryWebhookEndpoint}); waits then end
 * as soon as the callback arrives. Either way, the end of each job is announced once as an
 * {@link ImageJobCompleted} or {@link ImageJobFailed} CDI event, to synchronous and asynchronous
 * observers.
 *
 * <p>With {@code pictory.budget.*} set, a submission that would take the day's or the month's credits
 * past the limit is refused with a {@link PictoryBudgetExceededException} before anything is sent
 * ({@link #usage()} shows what is spent). With MicroProfile Telemetry, every operation is a span and
 * the metrics follow the OpenTelemetry GenAI conventions (see src/docs/telemetry.md).
 *
 * <p>Outside CDI, {@link PictoryClient} offers the same.
 */
@ApplicationScoped
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class.getName());

    @Inject
    @RestClient
    PictoryImagesApi api;

    @Inject
    Config config;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<ImageJobCompleted> completed;

    @Inject
    Event<ImageJobFailed> failed;

    @Inject
    Event<ImageJobEndSeen> seen;

    private PictoryClient client;

    @PostConstruct
    void start() {
        PictorySettings settings = PictorySettings.from(config);
        StoreSettings store = StoreSettings.from(config);
        PictoryClient.Builder builder = PictoryClient.builder()
                .api(api)
                // The container's validation interceptor checks this bean's constraints before each call.
                .methodValidator(MethodValidator.NONE)
                .apiKey(ApiKeys.from(config))
                .settings(settings)
                .scheduler(scheduler)
                .onJobEnd(this::announce)
                .onJobEndSeen(job -> seen.fire(new ImageJobEndSeen(job)))
                .budget(BudgetSettings.from(config))
                .telemetry(TelemetrySettings.from(config))
                // Not to build a client (the container made it): the telemetry's server.address.
                .baseUrl(config.getOptionalValue(PictorySettings.BASE_URL, String.class).orElse(PictorySettings.DEFAULT_BASE_URL));
        WebhookSupport.from(config, settings.pollInterval(), settings.pollTimeout()).ifPresent(builder::webhooks);
        store.dataSourceName().ifPresent(name -> builder.dataSource(lookup(name), name).storeSettings(store));
        client = builder.build();
    }

    private static DataSource lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource dataSource) {
                return dataSource;
            }
            throw new PictoryConfigurationException(StoreSettings.DATASOURCE + " names " + name + ", which is a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
        } catch (NamingException e) {
            throw new PictoryConfigurationException(StoreSettings.DATASOURCE + " (env "
                    + PictorySettings.environmentVariable(StoreSettings.DATASOURCE) + ") names " + name
                    + ", but no DataSource has that JNDI name: define one in the server's configuration (such as"
                    + " <dataSource jndiName=\"" + name + "\"> in Open Liberty's server.xml), or unset the property to"
                    + " keep jobs in memory (" + e.getMessage() + ")");
        }
    }

    private void announce(ImageJob job) {
        // Synchronous observers run here, on the thread that saw the end; their failures are logged
        // by the client and never reach Pictory's callback or the waiting caller.
        if (job.isCompleted()) {
            completed.fireAsync(new ImageJobCompleted(job)).exceptionally(e -> logObserverFailure(job, e));
            completed.fire(new ImageJobCompleted(job));
        } else {
            failed.fireAsync(new ImageJobFailed(job)).exceptionally(e -> logObserverFailure(job, e));
            failed.fire(new ImageJobFailed(job));
        }
    }

    private static <T> T logObserverFailure(ImageJob job, Throwable e) {
        LOG.log(Level.WARNING, "An asynchronous observer of the end of job " + job.jobId() + " failed", e);
        return null;
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    /** Starts a job; answers its id. Nothing is sent when the request breaks one of Pictory's rules. */
    public String submit(@NotNull @Valid ImageRequest request) {
        return client.submit(request);
    }

    /** {@link #submit} without blocking. */
    public CompletionStage<String> submitAsync(@NotNull @Valid ImageRequest request) {
        return client.submitAsync(request);
    }

    /** The job's state now. */
    public ImageJob getJob(@ValidJobId String jobId) {
        return client.getJob(jobId);
    }

    /** Removes a finished job's outputs at Pictory (idempotent). */
    public void cleanJob(@ValidJobId String jobId) {
        client.cleanJob(jobId);
    }

    /** The newest page of this account's images. */
    public ImagePage listImages() {
        return client.listImages();
    }

    /** The page after the one that answered {@code nextPageKey}. */
    public ImagePage listImages(@NotNull String nextPageKey) {
        return client.listImages(nextPageKey);
    }

    /**
     * Waits until the job completes, polling every {@code pictory.poll.interval} (or ending on its
     * webhook callback).
     *
     * @throws ImageJobFailedException  when the job failed (its {@code error_code} and message) or was cleaned
     * @throws JobWaitTimeoutException when {@code pictory.poll.timeout} passes first
     */
    public ImageJob awaitJob(@ValidJobId String jobId) {
        return client.awaitJob(jobId);
    }

    /** {@link #awaitJob(String)} with its own deadline. */
    public ImageJob awaitJob(@ValidJobId String jobId, @NotNull Duration timeout) {
        return client.awaitJob(jobId, timeout);
    }

    /** {@link #awaitJob(String)} without blocking a thread between polls. */
    public CompletionStage<ImageJob> awaitJobAsync(@ValidJobId String jobId) {
        return client.awaitJobAsync(jobId);
    }

    /** {@link #awaitJobAsync(String)} with its own deadline. */
    public CompletionStage<ImageJob> awaitJobAsync(@ValidJobId String jobId, @NotNull Duration timeout) {
        return client.awaitJobAsync(jobId, timeout);
    }

    /** Submits and waits: the completed job, whose {@code url} is the PNG. */
    public ImageJob generate(@NotNull @Valid ImageRequest request) {
        return client.generate(request);
    }

    /** {@link #generate} without blocking. */
    public CompletionStage<ImageJob> generateAsync(@NotNull @Valid ImageRequest request) {
        return client.generateAsync(request);
    }

    /** What the store knows of a job: the request, Pictory's latest state, whether its image is kept. */
    public Optional<JobRecord> job(@ValidJobId String jobId) {
        return client.job(jobId);
    }

    /** The newest {@code limit} jobs the store knows, newest first. */
    public List<JobRecord> jobs(@Min(1) @Max(1000) int limit) {
        return client.jobs(limit);
    }

    /**
     * The job's PNG as the store keeps it (with {@code pictory.store.datasource}), whether or not Pictory
     * still has it; empty while it is not kept.
     */
    public Optional<KeptImage> keptImage(@ValidJobId String jobId) {
        return client.keptImage(jobId);
    }

    /** Forgets a job and its kept image in the store; {@link #cleanJob} removes Pictory's copy. */
    public boolean deleteJob(@ValidJobId String jobId) {
        return client.deleteJob(jobId);
    }

    /**
     * Submissions sent without a job id coming back (the connection broke, or the process died, after
     * Pictory may have received them): check the account's images before submitting them again.
     */
    public List<UnknownOutcome> unknownOutcomes() {
        return client.unknownOutcomes();
    }

    /**
     * Credits spent and reserved today and this month, what the budget ({@code pictory.budget.*}) leaves,
     * and the last days' figures. With a durable store, every instance's on the database; in memory, this
     * instance's.
     */
    public CreditUsage usage() {
        return client.usage();
    }

    /** The credit budget in force ({@code pictory.budget.*}). */
    public BudgetSettings budget() {
        return client.budget();
    }

    /** Whether jobs are recorded in a database and survive restarts. */
    public boolean durable() {
        return client.durable();
    }

    /** Whether submissions carry a webhook ({@code pictory.webhook.url} is set). */
    public boolean webhooksEnabled() {
        return client.webhooksEnabled();
    }

    /**
     * Handles a webhook callback (the module's endpoint calls this): true when the token is genuine
     * and belongs to the job, after which the job's real state is read from Pictory in the background.
     */
    public boolean acceptCallback(String token, String claimedJobId) {
        return client.acceptCallback(token, claimedJobId);
    }

    /** The polling and retry settings in force. */
    public PictorySettings settings() {
        return client.settings();
    }

    /** Whether an API key is configured (without revealing it). */
    public boolean hasApiKey() {
        return ApiKeys.configured(config).isPresent();
    }
}
