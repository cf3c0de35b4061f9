package io.github.pictory4j.images.client.internal.config;

import io.github.pictory4j.images.client.PictoryConfigurationException;
import org.eclipse.microprofile.config.Config;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one setting's text from MicroProfile Config as a duration, a number, a flag or a zone. Every error names
 * the property, its environment variable, what is wrong and what to write instead. Which values are allowed is
 * the rule of the settings record that takes them, whose error names it.
 */
public final class ConfigValues {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private ConfigValues() {
    }

    /** The environment variable MicroProfile Config maps to {@code key} ({@code pictory.api-key} → {@code PICTORY_API_KEY}). */
    public static String environmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** What an unusable setting throws: {@code key (env KEY) problem}. */
    public static PictoryConfigurationException invalid(String key, String problem) {
        return new PictoryConfigurationException(key + " (env " + environmentVariable(key) + ") " + problem);
    }

    /** Parses a duration such as {@code 15s}, {@code 500ms} or {@code PT15S}. */
    public static Duration parseDuration(String key, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(value);
        try {
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                return switch (simple.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(text.trim());
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw invalid(key, "is not a duration: use a number with a unit such as 500ms, 15s, 10m, 1h, or ISO-8601"
                    + " such as PT15S");
        }
    }

    /** A text setting, trimmed; empty when unset or blank. */
    public static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(text -> !text.isEmpty());
    }

    public static Optional<Duration> duration(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(text -> parseDuration(key, text));
    }

    /** A whole number of milliseconds, 0 or more. */
    public static Optional<Duration> millis(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(text -> {
            try {
                long value = Long.parseLong(text.trim());
                if (value >= 0) {
                    return Duration.ofMillis(value);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw invalid(key, "must be a whole number of milliseconds, such as 10000");
        });
    }

    /** A whole number; the error names {@code example}. */
    public static Optional<Integer> integer(Config config, String key, long example) {
        return whole(config, key, example).map(value -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value)));
    }

    /** A whole number, as a long; the error names {@code example}. */
    public static Optional<Long> whole(Config config, String key, long example) {
        return config.getOptionalValue(key, String.class).map(text -> {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, "must be a whole number, such as " + example);
            }
        });
    }

    public static Optional<Boolean> flag(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim)
                .map(text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw invalid(key, "must be true or false");
                });
    }

    /** A number of credits; unset or blank is empty (no limit). */
    public static Optional<BigDecimal> credits(Config config, String key) {
        return text(config, key).map(text -> {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw invalid(key, "is not a number of credits: use a number such as 50 or 12.5, or leave it unset"
                        + " for no limit");
            }
        });
    }

    public static Optional<ZoneId> zone(Config config, String key) {
        return text(config, key).map(text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw invalid(key, "is not a time zone: use a zone id such as UTC, Europe/Paris or America/New_York");
            }
        });
    }

    /** A duration setting's rule: zero or more (no class of settings is touched, so any may call it while initializing). */
    public static void requireNotNegative(String key, Duration value) {
        if (value == null || value.isNegative()) {
            throw invalid(key, "must be a duration of zero or more, such as 500ms");
        }
    }
}
