package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.validation.ValidJobId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Pictory's image API: what CDI apps inject ({@code @Inject ImageService images;}) and what
 * {@link PictoryClient} gives plain Java. This interface is the one contract of both; its constraints are
 * the only list of what is checked.
 *
 * <p>Every call is checked against Pictory's rules before anything is sent: a
 * {@link jakarta.validation.ConstraintViolationException} names the method, the parameter and the field,
 * such as {@code submit.request.prompt}. The API key comes from {@code pictory.api-key} (env
 * {@code PICTORY_API_KEY}) at each call; transient failures are retried ({@code pictory.retry.*}); waits poll
 * every {@code pictory.poll.interval} up to {@code pictory.poll.timeout}. The asynchronous forms run on the
 * container's managed scheduled executor (or the client's own threads) and park no thread while a job is in
 * progress. Errors are {@link PictoryException}s.
 *
 * <p>When {@code pictory.webhook.url} is set, every submission carries a callback URL with its own token (see
 * {@link io.github.pictory4j.images.client.webhook.PictoryWebhookEndpoint}); waits then end as soon as the
 * callback arrives. In CDI, the end of each job is announced once as an {@link ImageJobCompleted} or
 * {@link ImageJobFailed} event, to synchronous and asynchronous observers.
 *
 * <p>With {@code pictory.budget.*} set, a submission that would take the day's or the month's credits past a
 * limit (the application's, or its spender's user or team, see {@link #chargedTo}) is refused with a
 * {@link PictoryBudgetExceededException} before anything is sent ({@link #usage()} shows what is spent). With MicroProfile Telemetry, every operation is a span and the metrics follow the
 * OpenTelemetry GenAI conventions (see src/docs/telemetry.md).
 */
public interface ImageService {

    /** Starts a job; answers its id. Nothing is sent when the request breaks one of Pictory's rules. */
    String submit(@NotNull @Valid JobRequest request);

    /** {@link #submit} without blocking. */
    CompletionStage<String> submitAsync(@NotNull @Valid JobRequest request);

    /** The job's state now. */
    ImageJob getJob(@ValidJobId String jobId);

    /** Removes a finished job's outputs at Pictory (idempotent). */
    void cleanJob(@ValidJobId String jobId);

    /** The newest page of this account's images. */
    ImagePage listImages();

    /** The page after the one that answered {@code nextPageKey}. */
    ImagePage listImages(@NotNull String nextPageKey);

    /** {@link #awaitJob(String, Duration)} up to {@code pictory.poll.timeout}. */
    ImageJob awaitJob(@ValidJobId String jobId);

    /**
     * Waits until the job completes: polls every {@code pictory.poll.interval}, or, for a job submitted with a
     * webhook, ends on the callback and polls only as a fallback.
     *
     * @throws ImageJobFailedException when the job failed (its {@code error_code} and message) or was cleaned
     * @throws JobWaitTimeoutException when {@code timeout} passes first
     */
    ImageJob awaitJob(@ValidJobId String jobId, @NotNull Duration timeout);

    /** {@link #awaitJob(String)} without blocking a thread between polls. */
    CompletionStage<ImageJob> awaitJobAsync(@ValidJobId String jobId);

    /** {@link #awaitJob(String, Duration)} without blocking a thread between polls. */
    CompletionStage<ImageJob> awaitJobAsync(@ValidJobId String jobId, @NotNull Duration timeout);

    /** Submits and waits up to {@code pictory.poll.timeout}: the completed job, whose {@code url} is the PNG. */
    ImageJob generate(@NotNull @Valid JobRequest request);

    /** Submits and waits up to {@code timeout}. */
    ImageJob generate(@NotNull @Valid JobRequest request, @NotNull Duration timeout);

    /** {@link #generate(JobRequest)} without blocking. */
    CompletionStage<ImageJob> generateAsync(@NotNull @Valid JobRequest request);

    /** {@link #generate(JobRequest, Duration)} without blocking. */
    CompletionStage<ImageJob> generateAsync(@NotNull @Valid JobRequest request, @NotNull Duration timeout);

    /** What the store knows of a job (with a durable store, across restarts and instances). */
    Optional<JobRecord> job(@ValidJobId String jobId);

    /** The newest {@code limit} jobs the store knows, newest first. */
    List<JobRecord> jobs(@Min(1) @Max(1000) int limit);

    /**
     * The newest {@code limit} jobs charged to {@code scope}, newest first: a user's own, a team's, or (for the
     * application) every job, as {@link #jobs(int)}.
     */
    List<JobRecord> jobs(@NotNull BudgetScope scope, @Min(1) @Max(1000) int limit);

    /**
     * The job's PNG as the store keeps it (with {@code pictory.store.datasource}), whether or not Pictory still
     * has it; empty while it is not kept (the job runs, the download is pending or failed, or the store is not
     * durable).
     */
    Optional<KeptImage> keptImage(@ValidJobId String jobId);

    /** Forgets a job and its kept image in the store; {@link #cleanJob} removes Pictory's copy. */
    boolean deleteJob(@ValidJobId String jobId);

    /**
     * Submissions sent without a job id coming back (the connection broke, or the process died, after Pictory
     * may have received them, and charged for them): check the account's images before submitting them again.
     */
    List<UnknownOutcome> unknownOutcomes();

    /**
     * Credits spent and reserved today and this month, what the budget ({@code pictory.budget.*}) leaves, and the
     * last days' figures. With a durable store, every instance's on the database; in memory, this instance's.
     */
    CreditUsage usage();

    /**
     * The same service, with every submission (and so every generation) charged to {@code spender}: it reserves
     * its price in the application's budget and in the spender's user and team budgets, all or none
     * ({@link BudgetSettings}). Everything else reads and does the same as this service.
     */
    ImageService chargedTo(@NotNull Spender spender);

    /**
     * A scope's credits spent and reserved today and this month, what its limits leave, and the last days' figures:
     * the application's (as {@link #usage()}), one user's, or one team's.
     */
    CreditUsage usage(@NotNull BudgetScope scope);

    /**
     * Who spent what: the {@code limit} users or teams ({@code kind}) with the most credits spent and reserved
     * this month, most first (ties by name), each with its usage. Only scopes charged something this month are
     * listed. With a durable store, every instance's submissions; in memory, this instance's.
     *
     * @throws IllegalArgumentException for {@link BudgetScope.Kind#APPLICATION}: its usage is {@link #usage()}
     */
    List<ScopeUsage> topSpenders(@NotNull BudgetScope.Kind kind, @Min(1) @Max(100) int limit);

    /**
     * Sets a user's or a team's own limits, in place of the defaults ({@code pictory.budget.user.*},
     * {@code pictory.budget.team.*}) from the next submission on; a null limit is no limit. With a durable store
     * they are kept in the database and hold on every instance; in memory, on this instance until it stops.
     *
     * @throws IllegalArgumentException for the application's scope: its limits are {@code pictory.budget.daily-credits}
     *         and {@code pictory.budget.monthly-credits}
     */
    void setLimits(@NotNull BudgetScope scope, @NotNull @Valid BudgetSettings.Limits limits);

    /** Removes a scope's own limits: the defaults apply again. False when it had none. */
    boolean removeLimits(@NotNull BudgetScope scope);

    /** The users' and teams' own limits (see {@link #setLimits}), by scope. */
    Map<BudgetScope, BudgetSettings.Limits> limitOverrides();

    /** The credit budget in force ({@code pictory.budget.*}). */
    BudgetSettings budget();

    /** Whether jobs are recorded in a database and survive restarts. */
    boolean durable();

    /** Whether submissions carry a webhook ({@code pictory.webhook.url} is set). */
    boolean webhooksEnabled();

    /**
     * A webhook callback arrived (the module's endpoint calls this; plain Java apps call it from theirs). False,
     * and nothing done, unless the token is genuine, unexpired and this job's; then the job's state is read from
     * Pictory in the background, which ends waits and announces the job's end.
     *
     * @param token        the callback's {@code token} query parameter
     * @param claimedJobId the job id its body names, or null
     */
    boolean acceptCallback(String token, String claimedJobId);

    /** The polling and retry settings in force. */
    PictorySettings settings();

    /** Whether an API key is configured now (without revealing it). */
    boolean hasApiKey();
}
