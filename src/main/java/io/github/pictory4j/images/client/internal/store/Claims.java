package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.ImageJob;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which instance works on which job, until when, so that instances sharing a store do not do the same
 * work twice: the poll lease (one poller per job, cluster-wide) and the announcement of an end (its event
 * fires once). A claim whose time has passed is free: its instance stopped or died.
 */
public interface Claims {

    /** How long an instance holds a claim on an announcement before another may take it over. */
    Duration ANNOUNCEMENT_CLAIM = Duration.ofMinutes(1);

    /**
     * Holds (takes or renews) the right to poll the job until {@code until}: true when this owner holds it,
     * false while another instance's lease runs, or when the job has ended.
     */
    boolean holdPollLease(String jobId, String owner, Instant now, Instant until);

    /** Unfinished jobs whose poll lease is free or expired at {@code now}: their poller stopped or died. */
    List<OpenJob> unleased(Instant now);

    /** Gives up this owner's poll leases (the application stops): other instances take the jobs over at once. */
    void releasePollLeases(String owner);

    /**
     * The end of a job that was recorded but whose event is not known to have fired (the process died in
     * between), claimed by {@code owner} until {@code until} so that no other instance announces it meanwhile.
     * True when the claim is this caller's.
     */
    boolean claimAnnouncement(String jobId, String owner, Instant now, Instant until);

    /** Jobs whose end was recorded but whose event is not known to have fired, and unclaimed at {@code now}. */
    List<ImageJob> unannouncedEnds(Instant now);

    /** The event of the job's end has fired. */
    void endAnnounced(String jobId, Instant at);
}
