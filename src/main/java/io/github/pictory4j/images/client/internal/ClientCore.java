package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.internal.http.ResponseDecoder;
import io.github.pictory4j.images.client.internal.telemetry.JobReads;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.webhook.WebhookSupport;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The client's parts, wired once: the public client and the CDI bean use them, and nothing else
 * assembles them. With a durable store, every job is followed to its end and completed jobs' images
 * are kept; {@link #start()} resumes what an earlier run left. Every submission reserves its credits in
 * the budget first; the telemetry (or none) sees every operation.
 *
 * @param webhooks null when webhooks are off
 * @param keeper   null without a durable store
 */
public record ClientCore(PictorySettings settings, WebhookSupport webhooks, Scheduling scheduling, PictoryGateway gateway,
                         Submitter submitter, JobPoller poller, JobWaiter waiter, WebhookCallbacks callbacks,
                         JobStore store, ImageVault vault, JobFollower follower, ImageKeeper keeper, EndWatcher watcher,
                         CreditBudget budget, Telemetry telemetry, AutoCloseable downloads) implements AutoCloseable {

    /** Everything a client is made of; {@code webhooks} may be null, {@code vault} is {@link ImageVault#NONE} without a durable store. */
    public record Wiring(PictoryImagesApi api, Supplier<String> apiKey, PictorySettings settings, WebhookSupport webhooks,
                         ScheduledExecutorService scheduler, Clock clock, DoubleSupplier jitter,
                         Consumer<ImageJob> onEnd, Consumer<ImageJob> onEndSeen, JobStore store, ImageVault vault,
                         StoreSettings storeSettings, String owner, RetryExecutor.RetryListener retryListener,
                         BudgetSettings budget, Telemetry telemetry) {
    }

    public static ClientCore assemble(Wiring wiring) {
        Telemetry telemetry = wiring.telemetry();
        Scheduling scheduling = new Scheduling(wiring.scheduler(), wiring.clock(), telemetry,
                wiring.settings().backgroundThreads());
        RetryExecutor retries = new RetryExecutor(wiring.settings().retry(), scheduling, wiring.jitter(),
                (operation, retry, failure, delay) -> {
                    telemetry.retrying(failure);
                    wiring.retryListener().retrying(operation, retry, failure, delay);
                });
        JobReads reads = new JobReads();
        PictoryGateway gateway = new PictoryGateway(wiring.api(), wiring.apiKey(), new ResponseDecoder(wiring.clock()),
                retries, reads);
        JobStore store = wiring.store();
        boolean durable = store.durable();
        ImageDownloader downloader = durable ? new ImageDownloader(wiring.storeSettings().imageTimeout()) : null;
        ImageKeeper keeper = durable ? new ImageKeeper(wiring.vault(), downloader, scheduling, wiring.storeSettings(),
                wiring.owner(), telemetry) : null;
        JobEnds ends = new JobEnds();
        EndSightings sightings = new EndSightings(wiring.onEndSeen(), wiring.clock());
        JobEndMetrics metrics = new JobEndMetrics(store, reads, telemetry);
        // The observer tells the poller of ends, and the poller hands its reads to the observer: the
        // poller is made second, and found through this reference when the first end comes.
        AtomicReference<JobPoller> pollers = new AtomicReference<>();
        JobObserver observer = new JobObserver(store, ends, wiring.onEnd(), (job, source, first) -> {
            pollers.get().ended(job, source);
            if (first && keeper != null && job.isCompleted()) {
                keeper.keepSoon(job.jobId());
            }
            metrics.ended(job, source, first);
        }, sightings, wiring.clock(), wiring.owner());
        JobPoller poller = new JobPoller(gateway, observer, ends, scheduling, store, wiring.owner(), telemetry);
        pollers.set(poller);
        WebhookSupport webhooks = wiring.webhooks();
        var fallback = webhooks == null ? wiring.settings().pollInterval() : webhooks.fallbackPollInterval();
        JobWaiter waiter = new JobWaiter(store, ends, poller, scheduling, wiring.settings().pollInterval(), fallback);
        JobFollower follower = new JobFollower(store, poller, observer, scheduling, wiring.settings().pollInterval(),
                fallback, wiring.owner());
        Duration watch = wiring.storeSettings().watchInterval();
        EndWatcher watcher = durable && !watch.isZero() ? new EndWatcher(store, ends, sightings, scheduling, watch) : null;
        CreditBudget budget = new CreditBudget(wiring.budget(), wiring.clock());
        if (budget.settings().limited()) {
            telemetry.watchBudget(() -> budget.usage(store));
        }
        Submitter submitter = new Submitter(gateway, store, webhooks, wiring.clock(),
                durable ? follower::accepted : Submitter.AcceptedListener.NONE, budget, telemetry);
        return new ClientCore(wiring.settings(), webhooks, scheduling, gateway, submitter, poller, waiter,
                new WebhookCallbacks(webhooks, store, poller, wiring.clock(), telemetry), store, wiring.vault(), follower,
                keeper, watcher, budget, telemetry, downloader == null ? () -> { } : downloader);
    }

    /** Credits spent and reserved today, this month and in the last days. */
    public CreditUsage usage() {
        return budget.usage(store);
    }

    /** Resumes an earlier run's jobs and images (a durable store only). */
    public void start() {
        if (store.durable()) {
            follower.start();
            keeper.start();
            if (watcher != null) {
                watcher.start();
            }
        }
    }

    @Override
    public void close() {
        telemetry.close();
        scheduling.close();
        if (store.durable()) {
            follower.stop();
        }
        try {
            downloads.close();
        } catch (Exception e) {
            throw new IllegalStateException("Closing the image downloader failed", e);
        }
    }
}
