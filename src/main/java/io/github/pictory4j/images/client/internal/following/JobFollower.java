package io.github.pictory4j.images.client.internal.following;

import io.github.pictory4j.images.client.internal.Scheduling;
import io.github.pictory4j.images.client.internal.store.Claims;
import io.github.pictory4j.images.client.internal.store.JobRecords;
import io.github.pictory4j.images.client.internal.store.OpenJob;
import io.github.pictory4j.images.client.internal.store.Submissions;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.PictoryException;
import io.github.pictory4j.images.client.UnknownOutcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * With a durable store, every job is followed to its end whether or not anyone waits: each accepted
 * submission, and on start every job left unfinished by an earlier run, with their first polls spread
 * over the poll interval rather than sent as one burst. On start it also announces ends whose event
 * was not recorded as fired, reports submissions whose outcome is unknown, and starts the
 * {@link TakeoverSweep} for the jobs whose poller stops later.
 */
public final class JobFollower {

    private static final Logger LOG = Logger.getLogger(JobFollower.class.getName());
    /**
     * A submission is answered within its connect and read timeouts (10 s and 60 s by default); one still
     * "sending" after this was left by a process that stopped.
     */
    static final Duration SENDING_TOO_LONG = Duration.ofSeconds(90);

    private final Submissions submissions;
    private final JobRecords records;
    private final Claims claims;
    private final JobPoller poller;
    private final JobObserver observer;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration fallbackPollInterval;
    private final Scheduling scheduling;
    private final String owner;
    private final TakeoverSweep sweep;
    private final CompletableFuture<Void> lifetime = new CompletableFuture<>();

    /** @param owner this instance, as it holds its poll leases */
    public JobFollower(Submissions submissions, JobRecords records, Claims claims, JobPoller poller, JobObserver observer,
                       Scheduling scheduling, Duration pollInterval, Duration fallbackPollInterval, String owner) {
        this.submissions = submissions;
        this.records = records;
        this.claims = claims;
        this.poller = poller;
        this.observer = observer;
        this.scheduling = scheduling;
        this.clock = scheduling.clock();
        this.pollInterval = pollInterval;
        this.fallbackPollInterval = fallbackPollInterval;
        this.owner = owner;
        this.sweep = new TakeoverSweep(claims, poller, scheduling, pollInterval, fallbackPollInterval, lifetime);
    }

    /** Resumes what an earlier run left: unknown outcomes reported, ends announced, unfinished jobs followed. */
    public void start() {
        // Again once the submissions that were being sent when the earlier run died are old enough to tell.
        scheduling.schedule(this::reportUnknownOutcomes, SENDING_TOO_LONG, lifetime);
        try {
            reportUnknownOutcomes();
            for (ImageJob ended : claims.unannouncedEnds(clock.instant())) {
                observer.announceLeftOver(ended);
            }
            List<OpenJob> open = records.unfinished();
            for (int i = 0; i < open.size(); i++) {
                OpenJob job = open.get(i);
                Duration interval = interval(job.callsBack());
                // Job i of n first polls at i/n of the interval: a steady trickle, not a burst.
                poller.follow(job.jobId(), interval, interval.multipliedBy(i).dividedBy(open.size()));
            }
            if (!open.isEmpty()) {
                LOG.info("Following " + open.size() + " unfinished Pictory jobs again");
            }
        } catch (PictoryException e) {
            LOG.log(Level.SEVERE, "Cannot resume the jobs of an earlier run; the takeover sweep will try again: "
                    + e.getMessage(), e);
        }
        sweep.start();
    }

    /** Pictory accepted a submission: follow it until it ends (a webhook job from its first fallback poll). */
    public void accepted(String jobId, boolean callsBack) {
        // The store gave this instance the job's poll lease when it recorded the job id.
        Duration interval = interval(callsBack);
        poller.follow(jobId, interval, interval);
    }

    /** The application stops: its leases go, so that other instances take its jobs over at once. */
    public void stop() {
        try {
            claims.releasePollLeases(owner);
        } catch (PictoryException e) {
            LOG.log(Level.FINE, "Releasing the poll leases failed; they expire by themselves: {0}", e.getMessage());
        }
    }

    private Duration interval(boolean callsBack) {
        return callsBack ? fallbackPollInterval : pollInterval;
    }

    /** Submissions that may have created (and been charged for) a job whose id was never recorded. */
    public List<UnknownOutcome> unknownOutcomes() {
        return submissions.unknownOutcomes(clock.instant().minus(SENDING_TOO_LONG));
    }

    private void reportUnknownOutcomes() {
        List<UnknownOutcome> unknown;
        try {
            unknown = unknownOutcomes();
        } catch (PictoryException e) {
            LOG.log(Level.WARNING, "Cannot look for submissions with an unknown outcome: {0}", e.getMessage());
            return;
        }
        if (!unknown.isEmpty()) {
            LOG.warning(unknown.size() + " Pictory submissions have an unknown outcome: they were sent, but no job id"
                    + " was recorded, so Pictory may have created (and charged for) jobs this app does not know of."
                    + " Check the account's images before submitting them again; ImageService.unknownOutcomes() lists"
                    + " them. Submission ids: " + unknown.stream().map(UnknownOutcome::submissionId).toList());
        }
    }
}
