package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.internal.http.RetryExecutor;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import io.github.pictory4j.images.client.internal.telemetry.Telemetry;
import jakarta.validation.Validator;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * What a client is built from: the configuration, and what its host gives it. Empty parts are made by
 * {@link ClientAssembly}: the client's own scheduler and validator, the REST client, the data source named by
 * {@code pictory.store.datasource}, the runtime's telemetry.
 *
 * @param jitter        the random share of each backoff's jitter, in [0, 1)
 * @param owner         this instance's name in the store's claims
 * @param retryListener told of every retry (tests)
 */
public record ClientOptions(PictoryConfig config, Optional<DataSource> dataSource,
                            Optional<ScheduledExecutorService> scheduler, Clock clock, Consumer<ImageJob> onJobEnd,
                            Consumer<ImageJob> onJobEndSeen, Optional<Validator> validator, DoubleSupplier jitter,
                            Optional<PictoryImagesApi> api, String owner, RetryExecutor.RetryListener retryListener,
                            Optional<Telemetry> telemetry) {
}
