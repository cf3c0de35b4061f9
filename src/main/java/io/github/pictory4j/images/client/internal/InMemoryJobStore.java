package io.github.pictory4j.images.client.internal;

import io.github.pictory4j.images.client.ImageJob;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link JobStore} of one JVM, in memory: what the service knows is lost when the application
 * stops. Bounded: at most {@link #LIMIT} submissions and jobs are remembered, the oldest forgotten
 * first, so a long-running app cannot fill its heap.
 */
public final class InMemoryJobStore implements JobStore {

    static final int LIMIT = 10_000;

    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private final Map<String, String> submissionByNonce = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    @Override
    public synchronized String submissionStarting(PendingSubmission pending) {
        String id = UUID.randomUUID().toString();
        submissions.put(id, new Submission(pending));
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
            bind(submission, jobId);
        }
    }

    @Override
    public synchronized void submissionRefused(String submissionId, Instant at) {
        Submission submission = submissions.remove(submissionId);
        if (submission != null && submission.pending.webhookNonce() != null) {
            submissionByNonce.remove(submission.pending.webhookNonce());
        }
    }

    @Override
    public synchronized void submissionOutcomeUnknown(String submissionId, String reason, Instant at) {
        // Kept as it is: a callback may still tell which job it created.
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
            bind(submission, claimedJobId);
            return Optional.of(claimedJobId);
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean expectsCallback(String jobId) {
        Job job = jobs.get(jobId);
        return job != null && job.hooked && !job.ended;
    }

    @Override
    public synchronized void stateSeen(ImageJob state, Instant at) {
        job(state.jobId()).lastSeen = state;
    }

    @Override
    public synchronized boolean claimEnd(ImageJob end, Instant at) {
        Job job = job(end.jobId());
        job.lastSeen = end;
        if (job.ended) {
            return false;
        }
        job.ended = true;
        return true;
    }

    @Override
    public synchronized void endAnnounced(String jobId, Instant at) {
        // Nothing to keep: claimEnd already made sure no one else announces it.
    }

    @Override
    public synchronized Optional<ImageJob> lastSeen(String jobId) {
        Job job = jobs.get(jobId);
        return Optional.ofNullable(job == null ? null : job.lastSeen);
    }

    private void bind(Submission submission, String jobId) {
        submission.jobId = jobId;
        job(jobId).hooked = submission.pending.webhookNonce() != null;
    }

    private Job job(String jobId) {
        Job job = jobs.computeIfAbsent(jobId, id -> new Job());
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
        final PendingSubmission pending;
        String jobId;

        Submission(PendingSubmission pending) {
            this.pending = pending;
        }
    }

    private static final class Job {
        ImageJob lastSeen;
        boolean hooked;
        boolean ended;
    }
}
