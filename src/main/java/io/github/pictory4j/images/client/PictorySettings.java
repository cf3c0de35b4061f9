package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.ConfigValues;

import java.time.Duration;

/**
 * The service's tunables, read from MicroProfile Config. Durations take a unit: {@code 500ms},
 * {@code 15s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT15S}). An unusable value is a
 * {@link PictoryConfigurationException} naming the property and its environment variable; in a
 * container it fails the application's start.
 *
 * @param pollInterval time between two polls of a job ({@code pictory.poll.interval}, default 15s;
 *                     Pictory asks for 10-30 s)
 * @param pollTimeout  how long a wait polls before giving up ({@code pictory.poll.timeout}, default 10m)
 * @param retry        retries of transient failures ({@code pictory.retry.*})
 * @param backgroundThreads how many of the container's threads the client's background work (polls, retries,
 *                     callbacks' reads, image downloads, sweeps) may hold at once ({@code pictory.background.threads},
 *                     default 16); the rest waits its turn in a queue that holds no thread
 */
public record PictorySettings(Duration pollInterval, Duration pollTimeout, RetryPolicy retry, int backgroundThreads) {

    public static final String API_KEY = "pictory.api-key";
    /** The MicroProfile REST Client property of Pictory's base URL (env {@code PICTORY_MP_REST_URL}). */
    public static final String BASE_URL = "pictory/mp-rest/url";
    public static final String CONNECT_TIMEOUT = "pictory/mp-rest/connectTimeout";
    public static final String READ_TIMEOUT = "pictory/mp-rest/readTimeout";
    public static final String POLL_INTERVAL = "pictory.poll.interval";
    public static final String POLL_TIMEOUT = "pictory.poll.timeout";
    public static final String RETRY_MAX_RETRIES = "pictory.retry.max-retries";
    public static final String RETRY_BASE_DELAY = "pictory.retry.base-delay";
    public static final String RETRY_MAX_DELAY = "pictory.retry.max-delay";
    public static final String RETRY_MAX_RETRY_AFTER = "pictory.retry.max-retry-after";
    public static final String BACKGROUND_THREADS = "pictory.background.threads";
    public static final int DEFAULT_BACKGROUND_THREADS = 16;
    static final int MAX_BACKGROUND_THREADS = 1000;

    /** Pictory's own base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.pictory.ai/pictoryapis";

    public static final PictorySettings DEFAULT =
            new PictorySettings(Duration.ofSeconds(15), Duration.ofMinutes(10), RetryPolicy.DEFAULT);

    public PictorySettings {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new PictoryConfigurationException(POLL_INTERVAL + " (env " + ConfigValues.environmentVariable(POLL_INTERVAL)
                    + ") must be positive, such as 15s");
        }
        ConfigValues.requireNotNegative(POLL_TIMEOUT, pollTimeout);
        if (retry == null) {
            throw new PictoryConfigurationException("retry must not be null: use RetryPolicy.DEFAULT or RetryPolicy.none()");
        }
        if (backgroundThreads < 1 || backgroundThreads > MAX_BACKGROUND_THREADS) {
            throw new PictoryConfigurationException(BACKGROUND_THREADS + " (env " + ConfigValues.environmentVariable(BACKGROUND_THREADS)
                    + ") must be from 1 to " + MAX_BACKGROUND_THREADS + ", such as " + DEFAULT_BACKGROUND_THREADS);
        }
    }

    /** The settings with the default limit on background threads (16). */
    public PictorySettings(Duration pollInterval, Duration pollTimeout, RetryPolicy retry) {
        this(pollInterval, pollTimeout, retry, DEFAULT_BACKGROUND_THREADS);
    }

    /** The same settings, with at most {@code threads} of the container's threads for background work. */
    public PictorySettings withBackgroundThreads(int threads) {
        return new PictorySettings(pollInterval, pollTimeout, retry, threads);
    }
}
