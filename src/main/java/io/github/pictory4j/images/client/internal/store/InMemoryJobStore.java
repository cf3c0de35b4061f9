package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.budget.PeriodTotals;
import io.github.pictory4j.images.client.internal.budget.InMemoryCredits;
import io.github.pictory4j.images.client.internal.submission.PendingSubmission;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.UnknownOutcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every role of the {@link JobStore} for one JVM, in memory: what the service knows is lost when the application
 * stops, so there is nothing to resume. Bounded: at most {@link #LIMIT} submissions and jobs are
 * remembered, the oldest forgotten first, so a long-running app cannot fill its heap. Its credit budget
 * is this instance's alone.
 */
final class InMemoryJobStore implements Submissions, JobRecords, CallbackBindings, Claims, CreditLedger {

    static final int LIMIT = 10_000;

    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private final Map<String, String> submissionByNonce = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final InMemoryCredits credits = new InMemoryCredits();

    @Override
    public synchronized String submissionStarting(PendingSubmission pending) {
        if (pending.reservation() != null) {
            credits.reserve(pending.reservation()); // throws, and nothing is recorded, when a period has no room
        }
        String id = UUID.randomUUID().toString();
        submissions.put(id, new Submission(id, pending));
        trim(submissions);
        if (pending.webhookNonce() != null) {
            submissionByNonce.put(pending.webhookNonce(), id);
            trim(submissionByNonce);
        }
        return id;
    }

    @Override
    public synchronized void submissionAccepted(String submissionId, String jobId, Instant at) {
        Submission submission = submissions.get(submissionId);
        if (submission != null) {
            bind(submission, jobId, at);
        }
    }

    @Override
    public synchronized void submissionRefused(String submissionId, Instant at) {
        Submission submission = submissions.remove(submissionId);
        if (submission != null && submission.pending.webhookNonce() != null) {
            submissionByNonce.remove(submission.pending.webhookNonce());
        }
        if (submission != null) {
            submission.settle(credits, BigDecimal.ZERO);
        }
    }

    @Override
    public synchronized void submissionOutcomeUnknown(String submissionId, String reason, Instant at) {
        Submission submission = submissions.get(submissionId);
        if (submission != null) {
            submission.unknownBecause = reason; // a callback may still tell which job it created
        }
    }

    @Override
    public synchronized Optional<String> jobForCallback(String nonce, String claimedJobId, Instant now) {
        String submissionId = submissionByNonce.get(nonce);
        Submission submission = submissionId == null ? null : submissions.get(submissionId);
        if (submission == null) {
            return Optional.empty();
        }
        if (submission.jobId != null) {
            return Optional.of(submission.jobId);
        }
        Instant expires = submission.pending.webhookExpiresAt();
        if (claimedJobId != null && expires != null && expires.isAfter(now)) {
            bind(submission, claimedJobId, now);
            return Optional.of(claimedJobId);
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean expectsCallback(String jobId) {
        Job job = jobs.get(jobId);
        return job != null && job.submission != null && job.submission.pending.webhookNonce() != null && job.endedAt == null;
    }

    @Override
    public synchronized void stateSeen(ImageJob state, Instant at) {
        Job job = job(state.jobId(), at);
        if (job.endedAt == null) {
            job.lastSeen = state;
            job.updatedAt = at;
        }
    }

    @Override
    public synchronized boolean claimEnd(ImageJob end, Instant at) {
        Job job = job(end.jobId(), at);
        if (job.endedAt != null) {
            return false;
        }
        job.lastSeen = end;
        job.updatedAt = at;
        job.endedAt = at;
        if (job.submission != null && job.submission.pending.reservation() != null) {
            job.submission.settle(credits, CreditReservation.charge(job.submission.pending.reservation().credits(), end));
        }
        return true;
    }

    @Override
    public synchronized void endAnnounced(String jobId, Instant at) {
        // Nothing to keep: claimEnd already made sure no one else announces it, and nothing outlives the JVM.
    }

    @Override
    public boolean claimAnnouncement(String jobId, String owner, Instant now, Instant until) {
        return false; // every end is announced when it is recorded; none is left over
    }

    @Override
    public List<ImageJob> unannouncedEnds(Instant now) {
        return List.of();
    }

    @Override
    public boolean holdPollLease(String jobId, String owner, Instant now, Instant until) {
        return true; // one JVM: its own poller is the only one
    }

    @Override
    public List<OpenJob> unleased(Instant now) {
        return List.of();
    }

    @Override
    public void releasePollLeases(String owner) {
        // nothing is shared
    }

    @Override
    public List<ImageJob> endedSince(Instant since, int limit) {
        return List.of(); // every end is seen where it happens
    }

    @Override
    public synchronized List<PeriodTotals> periodTotals(Collection<String> periods) {
        return credits.totals(periods);
    }

    @Override
    public synchronized void setLimits(BudgetScope scope, BudgetSettings.Limits limits, Instant at) {
        credits.setLimits(scope, limits);
    }

    @Override
    public synchronized boolean removeLimits(BudgetScope scope) {
        return credits.removeLimits(scope);
    }

    @Override
    public synchronized Map<BudgetScope, BudgetSettings.Limits> limitOverrides() {
        return credits.limitOverrides();
    }

    @Override
    public synchronized Optional<ImageJob> lastSeen(String jobId) {
        Job job = jobs.get(jobId);
        return Optional.ofNullable(job == null ? null : job.lastSeen);
    }

    @Override
    public synchronized List<OpenJob> unfinished() {
        return jobs.entrySet().stream().filter(entry -> entry.getValue().endedAt == null)
                .map(entry -> new OpenJob(entry.getKey(), expectsCallback(entry.getKey()))).toList();
    }

    @Override
    public synchronized List<UnknownOutcome> unknownOutcomes(Instant sendingBefore) {
        return submissions.values().stream().filter(s -> s.jobId == null && s.unknownBecause != null)
                .map(s -> new UnknownOutcome(s.id, s.pending.request(), s.pending.createdAt(), s.unknownBecause)).toList();
    }

    @Override
    public synchronized Optional<JobRecord> find(String jobId) {
        Job job = jobs.get(jobId);
        return Optional.ofNullable(job == null ? null : job.record(jobId));
    }

    @Override
    public synchronized Optional<Spender> spenderOf(String jobId) {
        Job job = jobs.get(jobId);
        return Optional.ofNullable(job == null || job.submission == null ? null : job.submission.pending.spender());
    }

    @Override
    public synchronized List<JobRecord> newestFirst(int limit) {
        List<JobRecord> all = new ArrayList<>();
        jobs.forEach((jobId, job) -> all.add(job.record(jobId)));
        Collections.reverse(all);
        return all.subList(0, Math.min(Math.max(0, limit), all.size()));
    }

    @Override
    public synchronized boolean delete(String jobId) {
        Job job = jobs.remove(jobId);
        if (job != null && job.submission != null) {
            submissions.remove(job.submission.id);
        }
        return job != null;
    }

    private void bind(Submission submission, String jobId, Instant at) {
        submission.jobId = jobId;
        Job job = job(jobId, submission.pending.createdAt());
        job.submission = submission;
        job.updatedAt = at;
    }

    private Job job(String jobId, Instant at) {
        Job job = jobs.computeIfAbsent(jobId, id -> new Job(id, at));
        trim(jobs);
        return job;
    }

    private static void trim(Map<String, ?> map) {
        Iterator<String> oldest = map.keySet().iterator();
        while (map.size() > LIMIT) {
            oldest.next();
            oldest.remove();
        }
    }

    private static final class Submission {
        final String id;
        final PendingSubmission pending;
        String jobId;
        String unknownBecause;
        boolean settled;

        Submission(String id, PendingSubmission pending) {
            this.id = id;
            this.pending = pending;
        }

        /** Ends its reservation, once: {@code charged} is spent. */
        void settle(InMemoryCredits credits, BigDecimal charged) {
            if (pending.reservation() != null && !settled) {
                settled = true;
                credits.settle(pending.reservation(), charged);
            }
        }
    }

    private static final class Job {
        final Instant createdAt;
        Submission submission;
        ImageJob lastSeen;
        Instant updatedAt;
        Instant endedAt;

        Job(String jobId, Instant createdAt) {
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.lastSeen = new ImageJob(jobId, JobStatus.IN_PROGRESS, null, null, null, null, null, null);
        }

        JobRecord record(String jobId) {
            PendingSubmission pending = submission == null ? null : submission.pending;
            return new JobRecord(jobId, pending == null ? null : pending.request(),
                    pending == null ? null : pending.estimatedCredits(), lastSeen, createdAt, updatedAt, endedAt,
                    JobRecord.KeptImageState.NONE);
        }
    }
}
