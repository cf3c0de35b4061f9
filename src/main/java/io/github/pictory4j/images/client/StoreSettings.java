package io.github.pictory4j.images.client;

import org.eclipse.microprofile.config.Config;

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
    static final int MAX_IMAGE_DOWNLOADS = 1000;
    public static final String SWEEP_INTERVAL = "pictory.store.sweep-interval";
    public static final String WATCH_INTERVAL = "pictory.store.watch-interval";

    /** No datasource: in memory. */
    public static final StoreSettings DEFAULT =
            new StoreSettings(null, true, 20L * 1024 * 1024, Duration.ofSeconds(60), 8, 4, Duration.ofMinutes(1),
                    Duration.ofSeconds(1));

    public StoreSettings {
        if (imageMaxBytes < 1024) {
            throw invalid(IMAGE_MAX_BYTES, "must be at least 1024 (bytes), such as 20971520");
        }
        if (imageTimeout == null || imageTimeout.isNegative() || imageTimeout.isZero()) {
            throw invalid(IMAGE_TIMEOUT, "must be positive, such as 60s");
        }
        if (imageAttempts < 1) {
            throw invalid(IMAGE_ATTEMPTS, "must be at least 1");
        }
        if (imageDownloads < 1 || imageDownloads > MAX_IMAGE_DOWNLOADS) {
            throw invalid(IMAGE_DOWNLOADS, "must be from 1 to " + MAX_IMAGE_DOWNLOADS + ", such as 4");
        }
        if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw invalid(SWEEP_INTERVAL, "must be positive, such as 1m");
        }
        if (watchInterval == null || watchInterval.isNegative()) {
            throw invalid(WATCH_INTERVAL, "must be zero (off) or positive, such as 1s");
        }
    }

    /** The settings in {@code config}, with the defaults for what is not set. */
    public static StoreSettings from(Config config) {
        return new StoreSettings(
                config.getOptionalValue(DATASOURCE, String.class).map(String::trim).filter(name -> !name.isEmpty()).orElse(null),
                bool(config, CREATE_SCHEMA).orElse(DEFAULT.createSchema()),
                number(config, IMAGE_MAX_BYTES).orElse(DEFAULT.imageMaxBytes()),
                PictorySettings.duration(config, IMAGE_TIMEOUT).orElse(DEFAULT.imageTimeout()),
                number(config, IMAGE_ATTEMPTS).map(StoreSettings::count).orElse(DEFAULT.imageAttempts()),
                number(config, IMAGE_DOWNLOADS).map(StoreSettings::count).orElse(DEFAULT.imageDownloads()),
                PictorySettings.duration(config, SWEEP_INTERVAL).orElse(DEFAULT.sweepInterval()),
                PictorySettings.duration(config, WATCH_INTERVAL).orElse(DEFAULT.watchInterval()));
    }

    /** The same settings with a datasource named {@code jndiName}. */
    public StoreSettings withDataSource(String jndiName) {
        return new StoreSettings(jndiName, createSchema, imageMaxBytes, imageTimeout, imageAttempts, imageDownloads,
                sweepInterval, watchInterval);
    }

    public Optional<String> dataSourceName() {
        return Optional.ofNullable(dataSource);
    }

    /** A count past int's range is kept too large, for the range check to refuse, rather than wrapped into a small one. */
    private static int count(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static Optional<Boolean> bool(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).map(text -> switch (text.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, "must be true or false");
        });
    }

    private static Optional<Long> number(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(text -> {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, "must be a whole number");
            }
        });
    }

    private static PictoryConfigurationException invalid(String key, String problem) {
        return new PictoryConfigurationException(key + " (env " + PictorySettings.environmentVariable(key) + ") " + problem);
    }
}
