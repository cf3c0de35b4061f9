package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs submitted through this app, newest last, in memory and bounded: beyond {@link #LIMIT} the
 * oldest is forgotten, so a long-running app cannot fill its heap.
 */
@ApplicationScoped
public class JobHistory {

    static final int LIMIT = 500;

    private final Map<String, SubmittedJob> jobs = new LinkedHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public synchronized SubmittedJob add(String jobId, ImageRequest request) {
        SubmittedJob job = new SubmittedJob(jobId, request, clock.instant(),
                new ImageJob(jobId, JobStatus.IN_PROGRESS, null, null, null, null, null, null), clock.instant());
        jobs.put(jobId, job);
        Iterator<String> oldest = jobs.keySet().iterator();
        while (jobs.size() > LIMIT) {
            oldest.next();
            oldest.remove();
        }
        return job;
    }

    public synchronized Optional<SubmittedJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** Records a newer state of a known job; a forgotten job stays forgotten. */
    public synchronized Optional<SubmittedJob> update(String jobId, ImageJob state) {
        return Optional.ofNullable(jobs.computeIfPresent(jobId, (id, job) -> job.seen(state, clock.instant())));
    }

    public Clock clock() {
        return clock;
    }

    public synchronized List<SubmittedJob> newestFirst() {
        List<SubmittedJob> all = new ArrayList<>(jobs.values());
        Collections.reverse(all);
        return all;
    }
}
