package io.github.pictory4j.images.simulator;

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
    void sizesFollowTheRatio() {
        assertEquals(new ImageSize(1024, 1024), ImageSize.of("1:1"));
        assertEquals(new ImageSize(1024, 576), ImageSize.of("16:9"));
        assertEquals(new ImageSize(576, 1024), ImageSize.of("9:16"));
        assertEquals(new ImageSize(1024, 1024), ImageSize.of("wide"));
    }
}
