package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedJobTest {

    @Test
    void aJobIsInProgressForItsDurationThenCompleted() {
        SimulatedJob job = Jobs.job("job-1", 0, "A lighthouse at dawn");

        assertEquals(JobStatus.IN_PROGRESS, job.status(Jobs.T0));
        assertEquals(JobStatus.IN_PROGRESS, job.status(Jobs.T0.plus(Duration.ofMillis(2999))));
        assertEquals(JobStatus.COMPLETED, job.status(Jobs.T0.plus(Duration.ofSeconds(3))));
        assertEquals(JobStatus.COMPLETED, job.status(Jobs.T0.plus(Duration.ofDays(1))));
        assertTrue(job.isCompleted(Jobs.T0.plusSeconds(3)));
    }

    @Test
    void aPromptWithTheFailMarkerEndsFailedAfterTheSameDuration() {
        SimulatedJob job = Jobs.job("job-1", 0, "A lighthouse [FAIL] at dawn");

        assertEquals(JobStatus.IN_PROGRESS, job.status(Jobs.T0.plusSeconds(2)));
        assertEquals(JobStatus.FAILED, job.status(Jobs.T0.plusSeconds(3)));
        assertFalse(job.isCompleted(Jobs.T0.plusSeconds(3)));
    }

    @Test
    void aCleanedJobStaysCleaned() {
        SimulatedJob job = Jobs.job("job-1", 0, "A lighthouse at dawn").asCleaned();

        assertEquals(JobStatus.CLEANED, job.status(Jobs.T0.plusSeconds(10)));
    }

    @Test
    void aZeroDurationJobIsDoneAtOnce() {
        SimulatedJob base = Jobs.job("job-1", 0, "A lighthouse at dawn");
        SimulatedJob instant = new SimulatedJob(base.id(), 0, base.order(), Jobs.T0, Jobs.T0, base.imageUrl(), false);

        assertEquals(JobStatus.COMPLETED, instant.status(Jobs.T0));
    }

    @Test
    void sizesFollowTheRatio() {
        assertEquals(new ImageSize(1024, 1024), ImageSize.of(AspectRatio.SQUARE));
        assertEquals(new ImageSize(1024, 576), ImageSize.of(AspectRatio.LANDSCAPE_16_9));
        assertEquals(new ImageSize(576, 1024), ImageSize.of(AspectRatio.PORTRAIT_9_16));
        assertEquals(new ImageSize(1024, 1024), ImageSize.of(AspectRatio.of("wide")));
    }
}
