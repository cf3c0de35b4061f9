package io.github.pictory4j.images.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** Reads the text of one simulator setting; a failure names the setting, its variable and what to write. */
final class SettingValues {

    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS);

    private SettingValues() {
    }

    /** {@code 500ms}, {@code 3s}, {@code 1m}, {@code 1h}, or ISO-8601 such as {@code PT3S}. */
    static Duration duration(String key, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
            digits++;
        }
        ChronoUnit unit = UNITS.get(value.substring(digits).strip());
        try {
            return digits > 0 && unit != null
                    ? Duration.of(Long.parseLong(value.substring(0, digits)), unit)
                    : Duration.parse(text.strip());
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException notADuration) {
            throw problem(key, "is not a duration: write a number with a unit (500ms, 3s, 1m, 1h) or ISO-8601 (PT3S)");
        }
    }

    static int wholeNumber(String key, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw problem(key, "must be a whole number, such as 100");
        }
    }

    /** The error for {@code key}: {@code "<key> (env <VARIABLE>) <what is wrong and what to write>"}. */
    static SimulatorConfigurationException problem(String key, String problemAndFix) {
        return new SimulatorConfigurationException(key + " (env " + environmentVariable(key) + ") " + problemAndFix);
    }

    /** The environment variable MicroProfile Config reads for {@code key}: {@code a.b-c} is {@code A_B_C}. */
    static String environmentVariable(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
