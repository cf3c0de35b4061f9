package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.ConfigValues;

import java.time.Duration;
import java.util.Optional;

/**
 * The durable job store's settings ({@code pictory.store.*}). Without {@code pictory.store.datasource}
 * the service keeps what it knows in memory, as before.
 *
 * @param dataSource    JNDI name of a container-managed {@code javax.sql.DataSource} ({@code pictory.store.datasource}), or null
 * @param createSchema  create the tables when they are missing ({@code pictory.store.create-schema}, default true)
 * @param imageMaxBytes the largest PNG kept ({@code pictory.store.image-max-bytes}, default 20 MiB)
 * @param imageTimeout  how long one download may take ({@code pictory.store.image-timeout}, default 60s)
 * @param imageAttempts downloads tried before an image is given up ({@code pictory.store.image-attempts}, default 8)
 * @param imageDownloads images downloaded at once by this instance ({@code pictory.store.image-downloads}, default 4);
 *                      the others wait their turn, so that downloads never hold more of the container's threads
 * @param sweepInterval how often images due for another try are looked for ({@code pictory.store.sweep-interval}, default 1m)
 * @param watchInterval how often the ends other instances recorded are looked for ({@code pictory.store.watch-interval},
 *                      default 1s; 0 for one instance alone on its database)
 */
public record StoreSettings(String dataSource, boolean createSchema, long imageMaxBytes, Duration imageTimeout,
                            int imageAttempts, int imageDownloads, Duration sweepInterval, Duration watchInterval) {

    public static final String DATASOURCE = "pictory.store.datasource";
    public static final String CREATE_SCHEMA = "pictory.store.create-schema";
    public static final String IMAGE_MAX_BYTES = "pictory.store.image-max-bytes";
    public static final String IMAGE_TIMEOUT = "pictory.store.image-timeout";
    public static final String IMAGE_ATTEMPTS = "pictory.store.image-attempts";
    public static final String IMAGE_DOWNLOADS = "pictory.store.image-downloads";
    private static final int MAX_IMAGE_DOWNLOADS = 1000;
    public static final String SWEEP_INTERVAL = "pictory.store.sweep-interval";
    public static final String WATCH_INTERVAL = "pictory.store.watch-interval";

    /** No datasource: in memory. */
    public static final StoreSettings DEFAULT =
            new StoreSettings(null, true, 20L * 1024 * 1024, Duration.ofSeconds(60), 8, 4, Duration.ofMinutes(1),
                    Duration.ofSeconds(1));

    public StoreSettings {
        if (imageMaxBytes < 1024) {
            throw ConfigValues.invalid(IMAGE_MAX_BYTES, "must be at least 1024 (bytes), such as 20971520");
        }
        if (imageTimeout == null || imageTimeout.isNegative() || imageTimeout.isZero()) {
            throw ConfigValues.invalid(IMAGE_TIMEOUT, "must be positive, such as 60s");
        }
        if (imageAttempts < 1) {
            throw ConfigValues.invalid(IMAGE_ATTEMPTS, "must be at least 1");
        }
        if (imageDownloads < 1 || imageDownloads > MAX_IMAGE_DOWNLOADS) {
            throw ConfigValues.invalid(IMAGE_DOWNLOADS, "must be from 1 to " + MAX_IMAGE_DOWNLOADS + ", such as 4");
        }
        if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw ConfigValues.invalid(SWEEP_INTERVAL, "must be positive, such as 1m");
        }
        if (watchInterval == null || watchInterval.isNegative()) {
            throw ConfigValues.invalid(WATCH_INTERVAL, "must be zero (off) or positive, such as 1s");
        }
    }

    /** The same settings with a datasource named {@code jndiName}. */
    public StoreSettings withDataSource(String jndiName) {
        return new StoreSettings(jndiName, createSchema, imageMaxBytes, imageTimeout, imageAttempts, imageDownloads,
                sweepInterval, watchInterval);
    }

    public Optional<String> dataSourceName() {
        return Optional.ofNullable(dataSource);
    }
}
