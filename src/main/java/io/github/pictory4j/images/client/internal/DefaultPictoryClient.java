package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.internal.budget.CreditBudget;
import io.github.pictory4j.images.client.internal.following.JobFollower;
import io.github.pictory4j.images.client.internal.following.JobPoller;
import io.github.pictory4j.images.client.internal.following.JobWaiter;
import io.github.pictory4j.images.client.internal.http.JobKinds;
import io.github.pictory4j.images.client.internal.http.PictoryGateway;
import io.github.pictory4j.images.client.internal.store.JobStore;
import io.github.pictory4j.images.client.internal.submission.Submitter;
import io.github.pictory4j.images.client.internal.webhooks.WebhookCallbacks;
import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImagePage;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.KeptImage;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.UnknownOutcome;
import io.github.pictory4j.images.client.ScopeUsage;
import io.github.pictory4j.images.client.internal.config.ConfigValues;
import io.github.pictory4j.images.client.internal.http.RetryExecutor.Start;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one implementation of the contract, for the CDI bean and plain Java alike. It is reached only through
 * {@link ContractValidation}, so every argument here has passed the contract's constraints. Blocking calls run
 * the same chains as the asynchronous ones, started on the caller's thread and joined.
 */
final class DefaultPictoryClient implements PictoryClient {

    /** The parts the operations use, as {@link ClientAssembly} wired them. */
    record Parts(PictorySettings settings, Supplier<String> apiKey, boolean webhooks, PictoryGateway gateway,
                 Submitter submitter, JobPoller poller, JobWaiter waiter, WebhookCallbacks callbacks, JobStore store,
                 JobFollower follower, CreditBudget budget) {
    }

    private final Parts parts;
    private final AutoCloseable shutdown;
    /** Who submissions are charged to; null for the application alone. */
    private final Spender spender;

    DefaultPictoryClient(Parts parts, AutoCloseable shutdown) {
        this(parts, shutdown, null);
    }

    private DefaultPictoryClient(Parts parts, AutoCloseable shutdown, Spender spender) {
        this.parts = parts;
        this.shutdown = shutdown;
        this.spender = spender;
    }

    /** The same parts, charging {@code spender}; closing it closes nothing (the client it came from owns the parts). */
    @Override
    public PictoryClient chargedTo(Spender spender) {
        spender.teamScope().ifPresent(team -> requireListedTeam("Spender.team", team));
        return new DefaultPictoryClient(parts, () -> { }, spender);
    }

    @Override
    public String submit(JobRequest request) {
        return Blocking.join(parts.submitter().submit(request, spender, Start.INLINE), JobKinds.of(request).submitting());
    }

    @Override
    public CompletableFuture<String> submitAsync(JobRequest request) {
        return parts.submitter().submit(request, spender, Start.SCHEDULED);
    }

    @Override
    public ImageJob getJob(String jobId) {
        return Blocking.join(parts.poller().read(jobId, Start.INLINE), PictoryGateway.reading(jobId));
    }

    @Override
    public void cleanJob(String jobId) {
        Blocking.join(parts.gateway().clean(jobId, Start.INLINE), "Cleaning job " + jobId);
    }

    @Override
    public ImagePage listImages() {
        return Blocking.join(parts.gateway().list(null, Start.INLINE), PictoryGateway.LIST);
    }

    @Override
    public ImagePage listImages(String nextPageKey) {
        return Blocking.join(parts.gateway().list(nextPageKey, Start.INLINE), PictoryGateway.LIST);
    }

    @Override
    public ImageJob awaitJob(String jobId) {
        return awaitJob(jobId, settings().pollTimeout());
    }

    @Override
    public ImageJob awaitJob(String jobId, Duration timeout) {
        return Blocking.join(parts.waiter().await(jobId, timeout), "Waiting for job " + jobId);
    }

    @Override
    public CompletableFuture<ImageJob> awaitJobAsync(String jobId) {
        return awaitJobAsync(jobId, settings().pollTimeout());
    }

    @Override
    public CompletableFuture<ImageJob> awaitJobAsync(String jobId, Duration timeout) {
        return parts.waiter().await(jobId, timeout);
    }

    @Override
    public ImageJob generate(JobRequest request) {
        return generate(request, settings().pollTimeout());
    }

    @Override
    public ImageJob generate(JobRequest request, Duration timeout) {
        return awaitJob(submit(request), timeout);
    }

    @Override
    public CompletableFuture<ImageJob> generateAsync(JobRequest request) {
        return generateAsync(request, settings().pollTimeout());
    }

    @Override
    public CompletableFuture<ImageJob> generateAsync(JobRequest request, Duration timeout) {
        return submitAsync(request).thenCompose(jobId -> awaitJobAsync(jobId, timeout));
    }

    @Override
    public Optional<JobRecord> job(String jobId) {
        return parts.store().records().find(jobId);
    }

    @Override
    public List<JobRecord> jobs(int limit) {
        return parts.store().records().newestFirst(limit);
    }

    @Override
    public List<JobRecord> jobs(BudgetScope scope, int limit) {
        return parts.store().records().newestFirst(scope, limit);
    }

    @Override
    public Optional<KeptImage> keptImage(String jobId) {
        return parts.store().images().find(jobId);
    }

    @Override
    public boolean deleteJob(String jobId) {
        return parts.store().records().delete(jobId);
    }

    @Override
    public List<UnknownOutcome> unknownOutcomes() {
        return parts.follower().unknownOutcomes();
    }

    @Override
    public CreditUsage usage() {
        return parts.budget().usage(parts.store().credits());
    }

    @Override
    public CreditUsage usage(BudgetScope scope) {
        return parts.budget().usage(parts.store().credits(), scope);
    }

    @Override
    public List<ScopeUsage> topSpenders(BudgetScope.Kind kind, int limit) {
        return parts.budget().topSpenders(parts.store().credits(), kind, limit);
    }

    @Override
    public void setLimits(BudgetScope scope, BudgetSettings.Limits limits) {
        if (scope.kind() == BudgetScope.Kind.APPLICATION) {
            throw new IllegalArgumentException("setLimits.scope: the application's limits are " + BudgetSettings.DAILY_CREDITS
                    + " and " + BudgetSettings.MONTHLY_CREDITS + "; set limits of a user's or a team's scope here");
        }
        if (scope.kind() == BudgetScope.Kind.TEAM) {
            requireListedTeam("setLimits.scope", scope);
        }
        parts.store().credits().setLimits(scope, limits, parts.budget().clock().instant());
    }

    /**
     * With {@code pictory.budget.teams} set, the teams are those: a misspelt team would otherwise get a budget
     * (and its limits) of its own that no one watches.
     */
    private void requireListedTeam(String field, BudgetScope team) {
        List<String> teams = budget().teams();
        if (!teams.isEmpty() && !teams.contains(team.name())) {
            throw new IllegalArgumentException(field + ": " + team.describe() + " is not one of "
                    + BudgetSettings.TEAMS + " (" + String.join(", ", teams) + "). Name a listed team, or add it to "
                    + BudgetSettings.TEAMS + " (env " + ConfigValues.environmentVariable(BudgetSettings.TEAMS)
                    + "). Nothing was stored or sent.");
        }
    }

    @Override
    public boolean removeLimits(BudgetScope scope) {
        return parts.store().credits().removeLimits(scope);
    }

    @Override
    public Map<BudgetScope, BudgetSettings.Limits> limitOverrides() {
        return parts.store().credits().limitOverrides();
    }

    @Override
    public BudgetSettings budget() {
        return parts.budget().settings();
    }

    @Override
    public boolean durable() {
        return parts.store().durable();
    }

    @Override
    public boolean webhooksEnabled() {
        return parts.webhooks();
    }

    @Override
    public boolean acceptCallback(String token, String claimedJobId) {
        return parts.callbacks().accept(token, claimedJobId);
    }

    @Override
    public PictorySettings settings() {
        return parts.settings();
    }

    @Override
    public boolean hasApiKey() {
        try {
            String key = parts.apiKey().get();
            return key != null && !key.isBlank();
        } catch (PictoryConfigurationException missing) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            shutdown.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PictoryException("Closing the Pictory client failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PictoryClient[" + (durable() ? "durable store" : "in memory") + (parts.webhooks() ? ", webhooks" : "")
                + (spender == null ? "" : ", charged to " + spender.userScope().describe()) + "]";
    }
}
