package io.github.pictory4j.images.simulator.standalone;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunnerArgumentsTest {

    @Test
    void theOptionsAreRead() {
        RunnerArguments read = RunnerArguments.parse(List.of("--port", "9999", "--key", "pictai_k", "--job-duration",
                "0s", "--set", "pictory.simulator.max-jobs=10"));
        assertEquals(new RunnerArguments(false, 9999, Optional.of("pictai_k"), Map.of(
                "pictory.simulator.job-duration", "0s", "pictory.simulator.max-jobs", "10")), read);
        assertEquals(new RunnerArguments(false, 0, Optional.empty(), Map.of()), RunnerArguments.parse(List.of()));
        assertTrue(RunnerArguments.parse(List.of("--port", "1", "--help")).help());
    }

    @Test
    void aWrongArgumentIsNamedWithWhatToWrite() {
        assertMessage("--port takes a number", "--port", "eighty");
        assertMessage("--port needs a value", "--port");
        assertMessage("--key needs a value", "--key", "--port");
        assertMessage("unknown option --verbose", "--verbose", "yes");
        assertMessage("--set takes NAME=VALUE", "--set", "max-jobs");
    }

    private static void assertMessage(String expected, String... arguments) {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> RunnerArguments.parse(List.of(arguments)));
        assertTrue(wrong.getMessage().contains(expected), wrong.getMessage());
    }
}
