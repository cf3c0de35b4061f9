package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.config.SimulatorKeys;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * The simulator's tunables, from MicroProfile Config. They are read at each request, so that an app
 * can switch the simulator on or off, or change its key, while it runs.
 *
 * @param enabled        whether the simulator answers at all ({@link SimulatorKeys#ENABLED}, default false)
 * @param apiKey         the one key it accepts in {@code Authorization} ({@link SimulatorKeys#API_KEY})
 * @param jobDuration    how long a job stays in progress ({@code pictory.simulator.job-duration}, default 3s)
 * @param maxJobs        jobs (with their images) kept before the oldest are forgotten ({@code pictory.simulator.max-jobs})
 * @param pageSize       images per page of the listing, at most Pictory's 100 ({@code pictory.simulator.page-size})
 * @param webhookTimeout connect and read timeout of a webhook call ({@code pictory.simulator.webhook-timeout})
 */
public record SimulatorSettings(boolean enabled, String apiKey, Duration jobDuration, int maxJobs, int pageSize,
                                Duration webhookTimeout) {

    public static final String JOB_DURATION = "pictory.simulator.job-duration";
    public static final String MAX_JOBS = "pictory.simulator.max-jobs";
    public static final String PAGE_SIZE = "pictory.simulator.page-size";
    public static final String WEBHOOK_TIMEOUT = "pictory.simulator.webhook-timeout";

    /** Pictory's own page size, which the simulator never exceeds. */
    public static final int MAX_PAGE_SIZE = 100;

    public static final SimulatorSettings DEFAULT = new SimulatorSettings(false, SimulatorKeys.DEFAULT_API_KEY,
            Duration.ofSeconds(3), 500, MAX_PAGE_SIZE, Duration.ofSeconds(5));

    public SimulatorSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw SettingValues.problem(SimulatorKeys.API_KEY, "must not be blank: leave it unset for "
                    + SimulatorKeys.DEFAULT_API_KEY + ", or set the key clients will send");
        }
        if (jobDuration == null || jobDuration.isNegative()) {
            throw SettingValues.problem(JOB_DURATION, "must be zero or more, such as 3s");
        }
        if (maxJobs < 1) {
            throw SettingValues.problem(MAX_JOBS, "must be at least 1, such as 500");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw SettingValues.problem(PAGE_SIZE, "must be from 1 to " + MAX_PAGE_SIZE + " (Pictory's page size)");
        }
        if (webhookTimeout == null || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw SettingValues.problem(WEBHOOK_TIMEOUT, "must be positive, such as 5s");
        }
    }

    /** The settings in {@code config}, with the defaults for what is not set. */
    public static SimulatorSettings from(Config config) {
        return new SimulatorSettings(
                config.getOptionalValue(SimulatorKeys.ENABLED, Boolean.class).orElse(DEFAULT.enabled()),
                config.getOptionalValue(SimulatorKeys.API_KEY, String.class).orElse(DEFAULT.apiKey()),
                duration(config, JOB_DURATION).orElse(DEFAULT.jobDuration()),
                integer(config, MAX_JOBS).orElse(DEFAULT.maxJobs()),
                integer(config, PAGE_SIZE).orElse(DEFAULT.pageSize()),
                duration(config, WEBHOOK_TIMEOUT).orElse(DEFAULT.webhookTimeout()));
    }

    /**
     * Whether {@code authorization} is exactly the key, as Pictory wants it: raw, no {@code Bearer}.
     * Compared in constant time so that response times do not reveal how much of a guess was right.
     */
    public boolean accepts(String authorization) {
        return authorization != null && MessageDigest.isEqual(
                authorization.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code authorization} holds, measured against the key, for the record of a request. */
    public KeyCheck check(String authorization) {
        if (authorization == null) {
            return KeyCheck.ABSENT;
        }
        return accepts(authorization) ? KeyCheck.ACCEPTED : KeyCheck.REFUSED;
    }

    /** Keeps the key out of logs and error messages. */
    @Override
    public String toString() {
        return "SimulatorSettings[enabled=" + enabled + ", apiKey=***, jobDuration=" + jobDuration + ", maxJobs="
                + maxJobs + ", pageSize=" + pageSize + ", webhookTimeout=" + webhookTimeout + "]";
    }

    private static Optional<Duration> duration(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(text -> SettingValues.duration(key, text));
    }

    private static Optional<Integer> integer(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(text -> SettingValues.wholeNumber(key, text));
    }
}
