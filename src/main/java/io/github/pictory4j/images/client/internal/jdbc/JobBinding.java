package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.internal.jdbc.JobRows.Phase;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives a submission its job id, and the instance that binds it the job's first poll lease, so that the
 * submission's path costs no extra round trip for the lease (on PostgreSQL one statement).
 */
final class JobBinding {

    private static final String BIND = "UPDATE pictory4j_job SET job_id = ?, phase = ?, status = COALESCE(status, ?),"
            + " updated_at = ? WHERE submission_id = ? AND (job_id IS NULL OR job_id = ?)";

    private final String owner;
    private final Duration firstLease;

    /**
     * @param owner      this instance, as it signs its claims
     * @param firstLease how long the instance that binds a job id to its submission holds the job's poll lease
     */
    JobBinding(String owner, Duration firstLease) {
        this.owner = owner;
        this.firstLease = firstLease;
    }

    /** Binds; false when another row has that id (or the submission has another). */
    boolean bind(Connection connection, String submissionId, String jobId, Instant at) throws SQLException {
        Object[] bind = {jobId, Phase.RUNNING.name(), JobStatus.IN_PROGRESS.value(), at, submissionId, jobId};
        if (Database.isPostgres(connection)) {
            return Database.updateUnlessDuplicate(connection, "WITH bound AS (" + BIND + " RETURNING job_id)"
                    + " INSERT INTO pictory4j_claim AS c (job_id, kind, claimed_by, claimed_until)"
                    + " SELECT job_id, '" + Claim.POLL.name() + "', ?, ? FROM bound ON CONFLICT (job_id, kind)"
                    + " DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_until = EXCLUDED.claimed_until",
                    append(bind, owner, at.plus(firstLease))) > 0;
        }
        if (Database.updateUnlessDuplicate(connection, BIND, bind) <= 0) {
            return false;
        }
        // H2, a second statement: should the process die in between, the job is unleased and taken over.
        Database.update(connection, "MERGE INTO pictory4j_claim (job_id, kind, claimed_by, claimed_until)"
                + " KEY (job_id, kind) VALUES (?, '" + Claim.POLL.name() + "', ?, ?)", jobId, owner, at.plus(firstLease));
        return true;
    }

    private static Object[] append(Object[] first, Object... then) {
        Object[] all = new Object[first.length + then.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }
}
