package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.internal.http.ResponseDecoder;
import io.github.pictory4j.images.client.webhook.WebhookSupport;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The client's parts, wired once: the public client and the CDI bean use them, and nothing else
 * assembles them.
 *
 * @param webhooks null when webhooks are off
 */
public record ClientCore(PictorySettings settings, WebhookSupport webhooks, Scheduling scheduling, PictoryGateway gateway,
                         Submitter submitter, JobPoller poller, JobWaiter waiter, WebhookCallbacks callbacks,
                         JobStore store) implements AutoCloseable {

    /** Everything a client is made of; {@code webhooks} may be null. */
    public record Wiring(PictoryImagesApi api, Supplier<String> apiKey, PictorySettings settings, WebhookSupport webhooks,
                         ScheduledExecutorService scheduler, Clock clock, DoubleSupplier jitter,
                         Consumer<ImageJob> onEnd, JobStore store, RetryExecutor.RetryListener retryListener) {
    }

    public static ClientCore assemble(Wiring wiring) {
        Scheduling scheduling = new Scheduling(wiring.scheduler(), wiring.clock());
        RetryExecutor retries = new RetryExecutor(wiring.settings().retry(), scheduling, wiring.jitter(),
                wiring.retryListener());
        PictoryGateway gateway = new PictoryGateway(wiring.api(), wiring.apiKey(), new ResponseDecoder(wiring.clock()),
                retries);
        JobStore store = wiring.store();
        JobEnds ends = new JobEnds();
        JobObserver observer = new JobObserver(store, ends, wiring.onEnd(), wiring.clock());
        JobPoller poller = new JobPoller(gateway, observer, ends, scheduling);
        WebhookSupport webhooks = wiring.webhooks();
        JobWaiter waiter = new JobWaiter(store, ends, poller, scheduling, wiring.settings().pollInterval(),
                webhooks == null ? wiring.settings().pollInterval() : webhooks.fallbackPollInterval());
        return new ClientCore(wiring.settings(), webhooks, scheduling, gateway,
                new Submitter(gateway, store, webhooks, wiring.clock()), poller, waiter,
                new WebhookCallbacks(webhooks, store, poller, wiring.clock()), store);
    }

    @Override
    public void close() {
        scheduling.close();
    }
}
