package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.WebhookPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedJobTest {

    @Test
    void aJobIsInProgressForItsDurationThenCompleted() {
        SimulatedJob job = Jobs.job("job-1", 0, "A lighthouse at dawn");

        assertEquals(SimulatedStatus.IN_PROGRESS, job.status(Jobs.T0));
        assertEquals(SimulatedStatus.IN_PROGRESS, job.status(Jobs.T0.plus(Duration.ofMillis(2999))));
        assertEquals(SimulatedStatus.COMPLETED, job.status(Jobs.T0.plus(Duration.ofSeconds(3))));
        assertEquals(SimulatedStatus.COMPLETED, job.status(Jobs.T0.plus(Duration.ofDays(1))));
        assertTrue(job.isCompleted(Jobs.T0.plusSeconds(3)));
    }

    @Test
    void aPromptWithTheFailMarkerEndsFailedAfterTheSameDuration() {
        SimulatedJob job = Jobs.job("job-1", 0, "A lighthouse [FAIL] at dawn");

        assertEquals(SimulatedStatus.IN_PROGRESS, job.status(Jobs.T0.plusSeconds(2)));
        assertEquals(SimulatedStatus.FAILED, job.status(Jobs.T0.plusSeconds(3)));
        assertFalse(job.isCompleted(Jobs.T0.plusSeconds(3)));
    }

    @Test
    void aCleanedJobStaysCleaned() {
        SimulatedJob job = Jobs.job("job-1", 0, "A lighthouse at dawn").asCleaned();

        assertEquals(SimulatedStatus.CLEANED, job.status(Jobs.T0.plusSeconds(10)));
    }

    @Test
    void aZeroDurationJobIsDoneAtOnce() {
        SimulatedJob base = Jobs.job("job-1", 0, "A lighthouse at dawn");
        SimulatedJob instant = new SimulatedJob(base.id(), 0, base.order(), Jobs.T0, Jobs.T0, base.imageUrl(), false);

        assertEquals(SimulatedStatus.COMPLETED, instant.status(Jobs.T0));
    }

    @Test
    void aScriptedEndingOverridesThePrompt() {
        SimulatedJob base = Jobs.job("job-1", 0, "A lighthouse [fail]");
        SimulatedJob completes = scripted(base, JobEnding.completed());
        SimulatedJob cleaned = scripted(base, JobEnding.cleaned());

        assertEquals(SimulatedStatus.IN_PROGRESS, completes.status(Jobs.T0));
        assertEquals(SimulatedStatus.COMPLETED, completes.status(Jobs.T0.plusSeconds(3)));
        assertEquals(SimulatedStatus.CLEANED, cleaned.status(Jobs.T0.plusSeconds(3)));
        assertEquals(JobEnding.failed(PictoryJson.FAILED_CODE, ImageOrder.FAILED_MESSAGE), base.ending(), "Pictory's way");
    }

    @Test
    void endingARunningJobEndsItNowAndAFinishedOneFromNowOn() {
        SimulatedJob running = Jobs.job("job-1", 0, "A lighthouse at dawn");

        SimulatedJob endedEarly = running.endingAs(JobEnding.failed("E1", "stopped"), Jobs.T0.plusSeconds(1));
        SimulatedJob purgedLater = running.endingAs(JobEnding.cleaned(), Jobs.T0.plusSeconds(10));

        assertEquals(Jobs.T0.plusSeconds(1), endedEarly.finishesAt());
        assertEquals(SimulatedStatus.FAILED, endedEarly.status(Jobs.T0.plusSeconds(1)));
        assertEquals(Jobs.T0.plusSeconds(3), purgedLater.finishesAt(), "it finished when it did");
        assertEquals(SimulatedStatus.CLEANED, purgedLater.status(Jobs.T0.plusSeconds(10)));
    }

    private static SimulatedJob scripted(SimulatedJob job, JobEnding ending) {
        return new SimulatedJob(job.id(), job.sequence(), job.order(), job.createdAt(), job.finishesAt(), job.imageUrl(),
                ending, WebhookPlan.NORMAL, false);
    }

    @Test
    void sizesFollowTheRatio() {
        assertEquals(new ImageSize(1024, 1024), ImageSize.of("1:1"));
        assertEquals(new ImageSize(1024, 576), ImageSize.of("16:9"));
        assertEquals(new ImageSize(576, 1024), ImageSize.of("9:16"));
        assertEquals(new ImageSize(1024, 1024), ImageSize.of("wide"));
    }
}
