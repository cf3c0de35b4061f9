package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.internal.jdbc.JobRows.Phase;
import io.github.pictory4j.images.client.internal.store.Claims;
import io.github.pictory4j.images.client.internal.store.OpenJob;

import java.time.Instant;
import java.util.List;

/** The poll leases and announcement claims of {@code pictory4j_claim}: one conditional upsert wins each. */
final class JdbcClaims implements Claims {

    private static final String RUNNING = "SELECT 1 FROM pictory4j_job WHERE job_id = ? AND ended_at IS NULL";
    private static final String UNANNOUNCED = "SELECT 1 FROM pictory4j_job WHERE job_id = ? AND ended_at IS NOT NULL"
            + " AND event_fired_at IS NULL";

    private final Database database;

    JdbcClaims(Database database) {
        this.database = database;
    }

    @Override
    public boolean holdPollLease(String jobId, String claimant, Instant now, Instant until) {
        return database.run("holding the poll lease of job " + jobId, connection -> {
            if (Claim.POLL.take(connection, jobId, claimant, until, now, true, RUNNING, jobId)) {
                return true;
            }
            // A job this service did not submit (someone waits for it by id) has no row yet: adopt it.
            if (Database.first(connection, "SELECT job_id FROM pictory4j_job WHERE job_id = ?", row -> true, jobId).isEmpty()) {
                JobRows.adopt(connection, new ImageJob(jobId, JobStatus.IN_PROGRESS, null, null, null, null, null, null), now);
                return Claim.POLL.take(connection, jobId, claimant, until, now, true, RUNNING, jobId);
            }
            return false;
        });
    }

    @Override
    public List<OpenJob> unleased(Instant now) {
        return database.query("finding unfinished jobs nobody polls", "SELECT j.job_id, j.webhook_nonce FROM pictory4j_job j"
                        + " LEFT JOIN pictory4j_claim c ON c.job_id = j.job_id AND c.kind = '" + Claim.POLL.name() + "'"
                        + " WHERE j.phase = ? AND (c.claimed_until IS NULL OR c.claimed_until < ?) ORDER BY j.created_at",
                row -> new OpenJob(row.getString("job_id"), row.getString("webhook_nonce") != null),
                Phase.RUNNING.name(), now);
    }

    @Override
    public void releasePollLeases(String claimant) {
        database.update("releasing this instance's poll leases", "DELETE FROM pictory4j_claim WHERE kind = '"
                + Claim.POLL.name() + "' AND claimed_by = ?", claimant);
    }

    @Override
    public boolean claimAnnouncement(String jobId, String claimant, Instant now, Instant until) {
        return database.run("claiming the announcement of job " + jobId,
                connection -> Claim.EVENT.take(connection, jobId, claimant, until, now, false, UNANNOUNCED, jobId));
    }

    @Override
    public List<ImageJob> unannouncedEnds(Instant now) {
        return database.query("finding ends not yet announced", "SELECT " + JobRows.STATE + " FROM pictory4j_job j"
                        + " LEFT JOIN pictory4j_claim c ON c.job_id = j.job_id AND c.kind = '" + Claim.EVENT.name() + "'"
                        + " WHERE j.ended_at IS NOT NULL AND j.event_fired_at IS NULL"
                        + " AND (c.claimed_until IS NULL OR c.claimed_until < ?) ORDER BY j.ended_at",
                JobRows::lastSeen, now);
    }

    @Override
    public void endAnnounced(String jobId, Instant at) {
        database.run("recording that the end of job " + jobId + " was announced", connection -> Sql.together(connection,
                Claim.EVENT.release(jobId),
                new Sql("UPDATE pictory4j_job SET event_fired_at = ? WHERE job_id = ?", at, jobId)));
    }
}
