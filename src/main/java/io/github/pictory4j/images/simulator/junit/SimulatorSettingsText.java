package io.github.pictory4j.images.simulator.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The simulator's settings as {@link PictorySimulatorTest} writes them, as a map of properties. */
final class SimulatorSettingsText {

    static final String JOB_DURATION = "pictory.simulator.job-duration";

    private SimulatorSettingsText() {
    }

    /** In whole seconds where it can, so that {@code Duration.ZERO} is the default's {@code 0s}: the same simulator. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    static Map<String, String> defaults() {
        return Map.of(JOB_DURATION, PictorySimulatorExtension.DEFAULT_JOB_DURATION);
    }

    static Map<String, String> of(Optional<PictorySimulatorTest> annotation) {
        if (annotation.isEmpty()) {
            return defaults();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(JOB_DURATION, annotation.get().jobDuration());
        for (String setting : annotation.get().settings()) {
            int equals = setting.indexOf('=');
            if (equals < 1) {
                throw new ExtensionConfigurationException("@PictorySimulatorTest(settings) takes NAME=VALUE, such as"
                        + " pictory.simulator.max-jobs=50, not " + setting);
            }
            settings.put(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
        }
        return Map.copyOf(settings);
    }
}
