package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.WebhookPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimulatorScriptTest {

    private final SimulatorScript script = new SimulatorScript();

    @Test
    void jobsTakeTheConfiguredDurationUntilATestSaysOtherwise() {
        assertEquals(Duration.ofSeconds(3), script.jobDuration(SimulatorSettings.DEFAULT));

        script.jobDuration(Duration.ofMillis(250));

        assertEquals(Duration.ofMillis(250), script.jobDuration(SimulatorSettings.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> script.jobDuration(Duration.ofMillis(-1)));
    }

    @Test
    void endingsAreForTheNextJobsInOrderThenJobsEndAsTheirPromptsSay() {
        script.endNextJobs(2, JobEnding.failed("E1", "first"));
        script.endNextJobs(1, JobEnding.cleaned());

        assertEquals(Optional.of(JobEnding.failed("E1", "first")), script.nextEnding());
        assertEquals(Optional.of(JobEnding.failed("E1", "first")), script.nextEnding());
        assertEquals(Optional.of(JobEnding.cleaned()), script.nextEnding());
        assertEquals(Optional.empty(), script.nextEnding());
    }

    @Test
    void webhooksArePictorysWayUntilATestSaysOtherwise() {
        assertEquals(WebhookPlan.NORMAL, script.webhookPlan());

        script.webhookPlan(WebhookPlan.twice());

        assertEquals(WebhookPlan.twice(), script.webhookPlan());
    }

    @Test
    void clearGoesBackToTheConfiguration() {
        script.jobDuration(Duration.ZERO);
        script.endNextJobs(1, JobEnding.cleaned());
        script.webhookPlan(WebhookPlan.skipped());

        script.clear();

        assertEquals(Duration.ofSeconds(3), script.jobDuration(SimulatorSettings.DEFAULT));
        assertEquals(Optional.empty(), script.nextEnding());
        assertEquals(WebhookPlan.NORMAL, script.webhookPlan());
    }
}
