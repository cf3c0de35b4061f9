package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@link ImageService} for plain Java: the same contract, implemented by the same code, built from settings
 * or from MicroProfile Config, with any MicroProfile REST Client and Bean Validation implementation on the
 * class path. Every call is checked against the contract's constraints before anything is sent, exactly as
 * in a container.
 *
 * <pre>{@code
 * try (PictoryClient pictory = PictoryClient.fromConfig()) {          // PICTORY_API_KEY, pictory.* settings
 *     ImageJob job = pictory.generate(ImageRequest.builder("A lighthouse at dawn").build());
 * }
 * try (PictoryClient pictory = PictoryClient.builder().apiKey(key).build()) { … }
 * }</pre>
 *
 * <p>Thread-safe. The asynchronous forms answer {@link CompletableFuture}s. Close it when done: pending waits
 * end with a clear error and, unless you gave it your own scheduler, its threads stop.
 */
public interface PictoryClient extends ImageService, AutoCloseable {

    /** A builder; only the API key is required. */
    static PictoryClientBuilder builder() {
        return new PictoryClientBuilder();
    }

    /** A client configured by the application's MicroProfile Config (see src/docs/configuration.md). */
    static PictoryClient fromConfig() {
        return fromConfig(ConfigProvider.getConfig());
    }

    /**
     * A client configured by {@code config}: every {@code pictory.*} setting, as in a container, including
     * {@code pictory.store.datasource} (a JNDI name, so only where JNDI has it).
     *
     * @throws PictoryConfigurationException naming any unusable setting
     */
    static PictoryClient fromConfig(Config config) {
        return builder().configuration(PictoryConfig.read(config)).build();
    }

    @Override
    CompletableFuture<String> submitAsync(JobRequest request);

    @Override
    CompletableFuture<ImageJob> awaitJobAsync(String jobId);

    @Override
    CompletableFuture<ImageJob> awaitJobAsync(String jobId, Duration timeout);

    @Override
    CompletableFuture<ImageJob> generateAsync(JobRequest request);

    @Override
    CompletableFuture<ImageJob> generateAsync(JobRequest request, Duration timeout);

    /** {@inheritDoc} Closing the view closes nothing: close this client. */
    @Override
    PictoryClient chargedTo(Spender spender);

    /**
     * Ends every pending wait with a clear error (the jobs go on at Pictory), then stops the threads this
     * client started.
     */
    @Override
    void close();
}
