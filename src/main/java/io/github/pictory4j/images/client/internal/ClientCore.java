package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.internal.http.ResponseDecoder;
import io.github.pictory4j.images.client.webhook.WebhookSupport;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The client's parts, wired once: the public client and the CDI bean use them, and nothing else
 * assembles them. With a durable store, every job is followed to its end and completed jobs' images
 * are kept; {@link #start()} resumes what an earlier run left.
 *
 * @param webhooks null when webhooks are off
 * @param keeper   null without a durable store
 */
public record ClientCore(PictorySettings settings, WebhookSupport webhooks, Scheduling scheduling, PictoryGateway gateway,
                         Submitter submitter, JobPoller poller, JobWaiter waiter, WebhookCallbacks callbacks,
                         JobStore store, ImageVault vault, JobFollower follower, ImageKeeper keeper, EndWatcher watcher,
                         AutoCloseable downloads) implements AutoCloseable {

    /** Everything a client is made of; {@code webhooks} may be null, {@code vault} is {@link ImageVault#NONE} without a durable store. */
    public record Wiring(PictoryImagesApi api, Supplier<String> apiKey, PictorySettings settings, WebhookSupport webhooks,
                         ScheduledExecutorService scheduler, Clock clock, DoubleSupplier jitter,
                         Consumer<ImageJob> onEnd, Consumer<ImageJob> onEndSeen, JobStore store, ImageVault vault,
                         StoreSettings storeSettings, String owner, RetryExecutor.RetryListener retryListener) {
    }

    public static ClientCore assemble(Wiring wiring) {
        Scheduling scheduling = new Scheduling(wiring.scheduler(), wiring.clock());
        RetryExecutor retries = new RetryExecutor(wiring.settings().retry(), scheduling, wiring.jitter(),
                wiring.retryListener());
        PictoryGateway gateway = new PictoryGateway(wiring.api(), wiring.apiKey(), new ResponseDecoder(wiring.clock()),
                retries);
        JobStore store = wiring.store();
        boolean durable = store.durable();
        ImageDownloader downloader = durable ? new ImageDownloader(wiring.storeSettings().imageTimeout()) : null;
        ImageKeeper keeper = durable
                ? new ImageKeeper(wiring.vault(), downloader, scheduling, wiring.storeSettings(), wiring.owner()) : null;
        JobEnds ends = new JobEnds();
        EndSightings sightings = new EndSightings(wiring.onEndSeen(), wiring.clock());
        JobObserver observer = new JobObserver(store, ends, wiring.onEnd(), job -> {
            if (keeper != null && job.isCompleted()) {
                keeper.keepSoon(job.jobId());
            }
        }, sightings, wiring.clock(), wiring.owner());
        JobPoller poller = new JobPoller(gateway, observer, ends, scheduling, store, wiring.owner());
        WebhookSupport webhooks = wiring.webhooks();
        var fallback = webhooks == null ? wiring.settings().pollInterval() : webhooks.fallbackPollInterval();
        JobWaiter waiter = new JobWaiter(store, ends, poller, scheduling, wiring.settings().pollInterval(), fallback);
        JobFollower follower = new JobFollower(store, poller, observer, scheduling, wiring.settings().pollInterval(),
                fallback, wiring.owner());
        Duration watch = wiring.storeSettings().watchInterval();
        EndWatcher watcher = durable && !watch.isZero() ? new EndWatcher(store, ends, sightings, scheduling, watch) : null;
        Submitter submitter = new Submitter(gateway, store, webhooks, wiring.clock(),
                durable ? follower::accepted : Submitter.AcceptedListener.NONE);
        return new ClientCore(wiring.settings(), webhooks, scheduling, gateway, submitter, poller, waiter,
                new WebhookCallbacks(webhooks, store, poller, wiring.clock()), store, wiring.vault(), follower, keeper,
                watcher, downloader == null ? () -> { } : downloader);
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
