package io.github.pictory4j.images.client.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The kinds of claim on a job in {@code pictory4j_claim}, and how one is taken: one conditional upsert that
 * only one instance wins (free, expired, or, where {@code renewable}, already the claimant's), and only while
 * the job is in the state the claim is for ({@code subject}, a query answering a row when it is).
 */
enum Claim {
    /** The instance polling the job. */
    POLL,
    /** The instance announcing the job's end. */
    EVENT,
    /** The instance downloading the job's image. */
    IMAGE;

    /** Takes the claim; true when this claimant holds it. */
    boolean take(Connection connection, String jobId, String claimant, Instant until, Instant now, boolean renewable,
                 String subject, Object... subjectParameters) throws SQLException {
        String sql = taking(Database.isPostgres(connection), renewable, subject);
        try {
            return Database.update(connection, sql, parameters(jobId, claimant, until, now, subjectParameters)) > 0;
        } catch (SQLException e) {
            if (Database.isDuplicateKey(e)) { // H2: another instance inserted the claim's row at the same moment
                return false;
            }
            throw e;
        }
    }

    /** The statement that takes the claim (PostgreSQL: an {@code INSERT … ON CONFLICT}, which may take {@code RETURNING}). */
    String taking(boolean postgres, boolean renewable, String subject) {
        if (postgres) {
            return "INSERT INTO pictory4j_claim AS c (job_id, kind, claimed_by, claimed_until)"
                    + " SELECT CAST(? AS VARCHAR(128)), '" + name() + "', CAST(? AS VARCHAR(64)),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE EXISTS (" + subject + ")"
                    + " ON CONFLICT (job_id, kind) DO UPDATE SET claimed_by = EXCLUDED.claimed_by,"
                    + " claimed_until = EXCLUDED.claimed_until WHERE c.claimed_until < ?"
                    + (renewable ? " OR c.claimed_by = EXCLUDED.claimed_by" : "");
        }
        return "MERGE INTO pictory4j_claim c USING (SELECT CAST(? AS VARCHAR(128)) AS job_id, CAST(? AS VARCHAR(64))"
                + " AS claimed_by, CAST(? AS TIMESTAMP WITH TIME ZONE) AS claimed_until WHERE EXISTS (" + subject + ")) s"
                + " ON c.job_id = s.job_id AND c.kind = '" + name() + "'"
                + " WHEN MATCHED AND (c.claimed_until < ?" + (renewable ? " OR c.claimed_by = s.claimed_by" : "") + ") THEN UPDATE SET claimed_by = s.claimed_by,"
                + " claimed_until = s.claimed_until WHEN NOT MATCHED THEN INSERT (job_id, kind, claimed_by, claimed_until)"
                + " VALUES (s.job_id, '" + name() + "', s.claimed_by, s.claimed_until)";
    }

    /** The parameters of {@link #taking}: the claim, the subject's, then the time. */
    static Object[] parameters(String jobId, String claimant, Instant until, Instant now, Object... subjectParameters) {
        Object[] all = new Object[subjectParameters.length + 4];
        all[0] = jobId;
        all[1] = claimant;
        all[2] = until;
        System.arraycopy(subjectParameters, 0, all, 3, subjectParameters.length);
        all[all.length - 1] = now;
        return all;
    }

    /** Gives the claim on a job up. */
    Sql release(String jobId) {
        return new Sql("DELETE FROM pictory4j_claim WHERE job_id = ? AND kind = '" + name() + "'", jobId);
    }
}
