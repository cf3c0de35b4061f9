package io.github.pictory4j.images.simulator.junit;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.PictoryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PictorySimulatorExtension} registered as fields, with settings: one simulator per distinct settings. */
class PictorySimulatorExtensionFieldsTest {

    @RegisterExtension
    static PictorySimulatorExtension defaults = new PictorySimulatorExtension();

    @RegisterExtension
    static PictorySimulatorExtension sameSettings = new PictorySimulatorExtension().jobDuration(Duration.ZERO);

    @RegisterExtension
    static PictorySimulatorExtension slow = new PictorySimulatorExtension().jobDuration(Duration.ofSeconds(30));

    @Test
    void theSameSettingsShareASimulatorAndOthersGetTheirOwn() {
        assertEquals(defaults.baseUrl(), sameSettings.baseUrl());
        assertEquals(defaults.apiKey(), sameSettings.apiKey());
        assertNotEquals(defaults.baseUrl(), slow.baseUrl());
    }

    @Test
    void theSettingsGiveAreTheSimulators() {
        try (PictoryClient client = PictorySimulatorExtensionTest.clientOf(slow.control())) {
            String jobId = client.submit(ImageRequest.builder("A slow sunrise, watercolour").build());
            assertEquals(JobStatus.IN_PROGRESS, client.getJob(jobId).status());
        }
    }

    @Test
    void aSettingTheSimulatorDoesNotHaveIsRefusedNamingIt() {
        ExtensionConfigurationException wrong = assertThrows(ExtensionConfigurationException.class,
                () -> SimulatorSettingsText.of(java.util.Optional.of(Annotated.class.getAnnotation(PictorySimulatorTest.class))));
        assertTrue(wrong.getMessage().contains("max-jobs"), wrong.getMessage());
    }

    @PictorySimulatorTest(settings = "pictory.simulator.max-jobs")
    static class Annotated {
    }
}
