package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.internal.budget.CreditBudget;
import io.github.pictory4j.images.client.internal.following.ClusterEndWatcher;
import io.github.pictory4j.images.client.internal.following.EndSeenNotifier;
import io.github.pictory4j.images.client.internal.following.JobEndMetrics;
import io.github.pictory4j.images.client.internal.following.JobFollower;
import io.github.pictory4j.images.client.internal.following.JobObserver;
import io.github.pictory4j.images.client.internal.following.JobPoller;
import io.github.pictory4j.images.client.internal.following.JobWaiter;
import io.github.pictory4j.images.client.internal.following.PollerRecords;
import io.github.pictory4j.images.client.internal.following.JobWaits;
import io.github.pictory4j.images.client.internal.http.PictoryGateway;
import io.github.pictory4j.images.client.internal.http.RetryExecutor;
import io.github.pictory4j.images.client.internal.images.ImageDownloader;
import io.github.pictory4j.images.client.internal.images.ImageKeeper;
import io.github.pictory4j.images.client.internal.store.CreditLedger;
import io.github.pictory4j.images.client.internal.store.JobStore;
import io.github.pictory4j.images.client.internal.submission.Submitter;
import io.github.pictory4j.images.client.internal.webhooks.CallbackTokenGuard;
import io.github.pictory4j.images.client.internal.webhooks.WebhookCallbacks;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.client.internal.config.ConfigValues;
import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.github.pictory4j.images.client.internal.http.LazyRestClient;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.internal.http.ResponseDecoder;
import io.github.pictory4j.images.client.internal.jdbc.Database;
import io.github.pictory4j.images.client.internal.jdbc.JdbcJobStore;
import io.github.pictory4j.images.client.internal.jdbc.Schema;
import io.github.pictory4j.images.client.internal.telemetry.JobReads;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryConfig;
import io.github.pictory4j.images.client.internal.telemetry.TelemetryLoader;
import io.github.pictory4j.images.client.webhook.WebhookSupport;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place a client is put together, for the CDI bean and plain Java alike. With a durable store, every
 * job is followed to its end and completed jobs' images are kept, and what an earlier run left is resumed at
 * once. Every submission reserves its credits in the budget first; the telemetry (or none) sees every operation.
 */
public final class ClientAssembly {

    private ClientAssembly() {
    }

    /** The client, started; closing it stops what it started here, newest first. */
    public static PictoryClient assemble(ClientOptions options) {
        PictoryConfig config = options.config();
        PictorySettings settings = config.settings();
        StoreSettings storeSettings = config.store();
        Deque<AutoCloseable> owned = new ArrayDeque<>();
        // The tables first: a store that cannot start leaves no thread behind.
        JobStore store = DataSources.database(options.dataSource(), storeSettings)
                .map(database -> durableStore(database, options)).orElseGet(JobStore::inMemory);
        TelemetryConfig observing = TelemetryConfig.of(config.telemetry().recordPrompt(), config.baseUrl())
                .withSpenderUser(config.telemetry().spenderUser());
        Telemetry telemetry = options.telemetry().orElseGet(() -> TelemetryLoader.load(
                config.webhooks().map(hooks -> observing.withCallback(hooks.callbackUrl())).orElse(observing)));
        Optional<WebhookSupport> webhooks = CallbackTokenGuard.webhooksUnlessExposed(config.webhooks(), telemetry,
                config.telemetry());
        Validator validator = options.validator().orElseGet(() -> defaultValidator(owned));
        ScheduledExecutorService scheduler = options.scheduler().orElseGet(() -> ownScheduler(owned));
        PictoryImagesApi api = options.api().orElseGet(() -> restClient(config, owned));

        Scheduling scheduling = new Scheduling(scheduler, options.clock(), telemetry, settings.backgroundThreads());
        RetryExecutor retries = new RetryExecutor(settings.retry(), scheduling, options.jitter(),
                (operation, retry, failure, delay) -> {
                    telemetry.retrying(failure);
                    options.retryListener().retrying(operation, retry, failure, delay);
                });
        JobReads reads = new JobReads();
        PictoryGateway gateway = new PictoryGateway(api, config.apiKey(), new ResponseDecoder(options.clock()), retries, reads);
        boolean durable = store.durable();
        // Absent collaborators are empty Optionals here; those called on every path have a NONE object instead.
        Optional<ImageDownloader> downloader = durable ? Optional.of(new ImageDownloader(storeSettings.imageTimeout()))
                : Optional.empty();
        Optional<ImageKeeper> keeper = downloader.map(download -> new ImageKeeper(store.images(), download, scheduling,
                storeSettings, options.owner(), telemetry));
        JobWaits ends = new JobWaits();
        EndSeenNotifier sightings = new EndSeenNotifier(options.onJobEndSeen(), options.clock());
        JobEndMetrics metrics = new JobEndMetrics(store.records(), reads, telemetry, config.budget().simulated());
        // One direction: the poller hands every read to the observer, which records it and tells the waits,
        // the announcement, the keeper and the metrics; the poller stops its own chain when a read of its ends it.
        JobObserver observer = new JobObserver(store.records(), store.claims(), ends, options.onJobEnd(), (job, source, first) -> {
            if (first && job.isCompleted()) {
                keeper.ifPresent(keeping -> keeping.keepSoon(job.jobId()));
            }
            metrics.ended(job, source, first);
        }, sightings, options.clock(), options.owner());
        JobPoller poller = new JobPoller(gateway, observer, ends, scheduling,
                new PollerRecords(store.records(), store.claims(), durable, options.owner()), telemetry);
        Duration fallback = webhooks.map(WebhookSupport::fallbackPollInterval).orElse(settings.pollInterval());
        JobWaiter waiter = new JobWaiter(store.records(), store.callbacks(), ends, poller, scheduling,
                settings.pollInterval(), fallback);
        JobFollower follower = new JobFollower(store.submissions(), store.records(), store.claims(), poller, observer,
                scheduling, settings.pollInterval(), fallback, options.owner());
        Duration watch = storeSettings.watchInterval();
        Optional<ClusterEndWatcher> watcher = durable && !watch.isZero()
                ? Optional.of(new ClusterEndWatcher(store.records(), ends, sightings, scheduling, watch)) : Optional.empty();
        CreditBudget budget = new CreditBudget(config.budget(), options.clock());
        CreditLedger credits = store.credits();
        // The application's series, and one per team of pictory.budget.teams (each reports only a limited period).
        List<BudgetScope> watched = new ArrayList<>();
        if (budget.settings().limited()) {
            watched.add(BudgetScope.application());
        }
        budget.settings().teams().forEach(team -> watched.add(BudgetScope.team(team)));
        if (!watched.isEmpty()) {
            telemetry.watchBudget(scope -> budget.usage(credits, scope), watched);
        }
        Submitter submitter = new Submitter(gateway, store.submissions(), webhooks, options.clock(),
                durable ? follower::accepted : Submitter.AcceptedListener.NONE, budget, telemetry);

        downloader.ifPresent(owned::push);
        if (durable) {
            owned.push(follower::stop);
        }
        owned.push(scheduling::close);
        owned.push(telemetry::close);
        DefaultPictoryClient client = new DefaultPictoryClient(new DefaultPictoryClient.Parts(settings, config.apiKey(),
                webhooks.isPresent(), gateway, submitter, poller, waiter,
                new WebhookCallbacks(webhooks, store.callbacks(), poller, options.clock(), telemetry), store, follower, budget),
                () -> closeAll(owned));
        if (durable) {
            follower.start();
        }
        keeper.ifPresent(ImageKeeper::start);
        watcher.ifPresent(ClusterEndWatcher::start);
        return ContractValidation.of(client, validator.forExecutables());
    }

    /** The store on {@code database}, its tables made or upgraded first. */
    private static JobStore durableStore(Database database, ClientOptions options) {
        PictoryConfig config = options.config();
        Schema.ensure(database, config.store().createSchema(), options.clock().instant());
        Duration poll = config.settings().pollInterval();
        Duration slowest = config.webhooks().map(WebhookSupport::fallbackPollInterval)
                .filter(fallback -> fallback.compareTo(poll) > 0).orElse(poll);
        return JdbcJobStore.open(database, options.owner(), JobPoller.lease(slowest));
    }

    private static void closeAll(Deque<AutoCloseable> owned) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static Validator defaultValidator(Deque<AutoCloseable> owned) {
        try {
            ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
            owned.push(factory::close);
            return factory.getValidator();
        } catch (ValidationException e) { // NoProviderFoundException among others
            throw new PictoryConfigurationException("Requests are checked with Bean Validation before anything is"
                    + " sent, and no Bean Validation provider is on the class path: add one, such as"
                    + " org.hibernate.validator:hibernate-validator with org.glassfish.expressly:expressly ("
                    + e.getMessage() + ")");
        }
    }

    private static ScheduledExecutorService ownScheduler(Deque<AutoCloseable> owned) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "pictory4j-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        own.setRemoveOnCancelPolicy(true);
        owned.push(() -> {
            own.shutdownNow();
            own.awaitTermination(5, TimeUnit.SECONDS);
        });
        return own;
    }

    private static PictoryImagesApi restClient(PictoryConfig config, Deque<AutoCloseable> owned) {
        URI uri;
        try {
            uri = URI.create(config.baseUrl());
        } catch (IllegalArgumentException e) {
            throw ConfigValues.invalid(PictorySettings.BASE_URL, "is not a URL: " + e.getMessage());
        }
        try {
            RestClientBuilder builder = RestClientBuilder.newBuilder().baseUri(uri);
            config.connectTimeout().ifPresent(timeout -> builder.connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
            config.readTimeout().ifPresent(timeout -> builder.readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
            // Built at its first call; the client made it, so the client closes it. An implementation found at
            // start can still fail to build (a missing JSON-B provider, say): that call gets the same message.
            return LazyRestClient.of(() -> {
                try {
                    return builder.build(PictoryImagesApi.class);
                } catch (IllegalStateException | ServiceConfigurationError e) {
                    throw noRestClient(e);
                }
            }, owned::push);
        } catch (IllegalStateException | ServiceConfigurationError e) {
            throw noRestClient(e);
        }
    }

    private static PictoryConfigurationException noRestClient(Throwable e) {
        return new PictoryConfigurationException("No MicroProfile REST Client implementation is on the class path: add"
                + " one, such as org.jboss.resteasy.microprofile:microprofile-rest-client with a JSON-B provider ("
                + e.getMessage() + ")");
    }
}
