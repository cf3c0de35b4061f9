package io.github.pictory4j.images.client.internal.cdi;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageJobCompleted;
import io.github.pictory4j.images.client.ImageJobEndSeen;
import io.github.pictory4j.images.client.ImageJobFailed;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.PictoryClient;
import io.github.pictory4j.images.client.internal.ClientAssembly;
import io.github.pictory4j.images.client.internal.ClientOptions;
import io.github.pictory4j.images.client.internal.http.RetryExecutor;
import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes the {@link ImageService} apps inject: the same client {@link PictoryClient#fromConfig} builds, on the
 * container's managed scheduler, validator and data source, with each job's end announced as CDI events, and
 * each authenticated caller's submissions charged to that caller (see {@link CallerSpender}).
 */
@Dependent
public class ImageServiceProducer {

    private static final Logger LOG = Logger.getLogger(ImageServiceProducer.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    Config config;

    @Inject
    Validator validator;

    @Inject
    Event<ImageJobCompleted> completed;

    @Inject
    Event<ImageJobFailed> failed;

    @Inject
    Event<ImageJobEndSeen> seen;

    @Produces
    @ApplicationScoped
    ImageService images() {
        PictoryConfig settings = PictoryConfig.read(config);
        return CallerCharging.of(ClientAssembly.assemble(new ClientOptions(settings, Optional.empty(),
                Optional.of(scheduler), Clock.systemUTC(), this::announce, job -> seen.fire(new ImageJobEndSeen(job)),
                Optional.of(validator), () -> ThreadLocalRandom.current().nextDouble(), Optional.empty(),
                UUID.randomUUID().toString(), RetryExecutor.RetryListener.NONE, Optional.empty())),
                CallerSpender.of(settings.budget()));
    }

    void close(@Disposes ImageService images) {
        ((PictoryClient) images).close();
    }

    private void announce(ImageJob job) {
        // Synchronous observers run here, on the thread that saw the end; their failures are logged by the
        // client and never reach Pictory's callback or the waiting caller.
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
}
