package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.store.CallbackBindings;
import io.github.pictory4j.images.client.internal.store.JobRecords;
import io.github.pictory4j.images.client.internal.config.ConfigValues;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageJobFailedException;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.JobWaitTimeoutException;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.internal.telemetry.EndSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for a job to complete, without parking a thread: it asks the {@link JobPoller} to follow the
 * job and ends when the job's end reaches {@link JobWaits} (from a poll or a webhook callback) or when
 * the deadline passes. A job submitted with this service's webhook is polled only as a fallback, and
 * not at once: nothing is there to see before its callback or the first fallback poll.
 */
public final class JobWaiter {

    private final JobRecords records;
    private final CallbackBindings callbacks;
    private final JobWaits ends;
    private final JobPoller poller;
    private final Scheduling scheduling;
    private final Duration pollInterval;
    private final Duration fallbackPollInterval;

    /**
     * @param pollInterval         between two polls of a job
     * @param fallbackPollInterval between two polls of a job that will call back
     */
    public JobWaiter(JobRecords records, CallbackBindings callbacks, JobWaits ends, JobPoller poller, Scheduling scheduling, Duration pollInterval,
                     Duration fallbackPollInterval) {
        this.records = records;
        this.callbacks = callbacks;
        this.ends = ends;
        this.poller = poller;
        this.scheduling = scheduling;
        this.pollInterval = pollInterval;
        this.fallbackPollInterval = fallbackPollInterval;
    }

    /**
     * The job once completed; fails with {@link ImageJobFailedException} when it failed or was cleaned,
     * with {@link JobWaitTimeoutException} when {@code timeout} passes first.
     */
    public CompletableFuture<ImageJob> await(String jobId, Duration timeout) {
        CompletableFuture<ImageJob> result = scheduling.track(new CompletableFuture<>());
        // Registered before the store is asked, so that an end recorded in between is not missed.
        CompletableFuture<ImageJob> end = ends.register(jobId);
        Optional<ImageJob> known = records.lastSeen(jobId).filter(ImageJob::isTerminal);
        if (known.isPresent()) {
            end.cancel(false);
            settle(result, known.get());
            return result;
        }
        end.whenComplete((job, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                settle(result, job);
            }
        });
        boolean callsBack = callbacks.expectsCallback(jobId);
        Duration interval = callsBack ? fallbackPollInterval : pollInterval;
        JobPoller.Interest interest = poller.follow(jobId, interval, callsBack ? interval : Duration.ZERO);
        Scheduling.Timer deadline = scheduling.schedule(() -> deadlinePassed(jobId, timeout, interval, interest, result),
                timeout, result);
        result.whenComplete((job, failure) -> {
            end.cancel(false);
            interest.release();
            if (deadline != null) {
                deadline.cancel();
            }
        });
        return result;
    }

    /** The deadline: the wait ends with the state last seen, read now if no poll has seen any during the wait. */
    private void deadlinePassed(String jobId, Duration timeout, Duration interval, JobPoller.Interest interest,
                                CompletableFuture<ImageJob> result) {
        if (result.isDone()) {
            return;
        }
        int polls = interest.polls();
        Optional<ImageJob> lastSeen = polls == 0 ? Optional.empty() : records.lastSeen(jobId);
        if (lastSeen.isPresent()) {
            result.completeExceptionally(timedOut(lastSeen.get(), polls, timeout, interval));
            return;
        }
        poller.pollOnce(jobId, EndSource.READ).whenComplete((job, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else if (job.isTerminal()) {
                settle(result, job);
            } else {
                result.completeExceptionally(timedOut(job, polls + 1, timeout, interval));
            }
        });
    }

    private static void settle(CompletableFuture<ImageJob> result, ImageJob job) {
        if (job.isCompleted()) {
            result.complete(job);
        } else {
            result.completeExceptionally(new ImageJobFailedException(job));
        }
    }

    private static JobWaitTimeoutException timedOut(ImageJob job, int polls, Duration timeout, Duration interval) {
        JobStatus status = job.status();
        return new JobWaitTimeoutException("Pictory job " + job.jobId() + " is still " + status + " after "
                + timeout + " (" + polls + " polls, every " + interval + "). The job goes on at"
                + " Pictory: wait again by its id, or raise " + PictorySettings.POLL_TIMEOUT + " (env "
                + ConfigValues.environmentVariable(PictorySettings.POLL_TIMEOUT) + ").", job);
    }
}
