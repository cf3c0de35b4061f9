package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.internal.jdbc.Database.Null;
import io.github.pictory4j.images.client.internal.jdbc.JobRows.ImageState;
import io.github.pictory4j.images.client.internal.jdbc.JobRows.Phase;
import io.github.pictory4j.images.client.internal.store.Claims;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.github.pictory4j.images.client.internal.jdbc.Database.orNull;

/**
 * Records a job's end once: a conditional update that only one caller wins ({@code … AND ended_at IS NULL}).
 * The winner, in the same step, gives up the poll lease, holds the announcement's claim, makes a completed
 * job's image due for keeping, and settles the row's reservation (exactly once, as only the winner clears it).
 * On PostgreSQL all of it is one statement; on H2 one transaction.
 */
final class EndRecording {

    private static final String END = "UPDATE pictory4j_job SET phase = ?, status = ?, image_url = ?, width = ?, height = ?,"
            + " credits_used = ?, error_code = ?, error_message = ?, updated_at = ?, ended_at = ?, reserved_credits = NULL"
            + " WHERE submission_id = ? AND job_id = ? AND ended_at IS NULL";

    private final Database database;
    private final String owner;

    EndRecording(Database database, String owner) {
        this.database = database;
        this.owner = owner;
    }

    /**
     * The row is read first (one statement, and all a caller that lost the race spends): an end recorded
     * already answers false. The update checks that the row read is the one it ends (or it reads again), so
     * the reservation read is the one settled.
     */
    boolean claimEnd(ImageJob job, Instant at) {
        String doing = "recording the end of job " + job.jobId();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Ending> row = database.first(doing, "SELECT submission_id, ended_at, " + JdbcCreditLedger.HELD
                            + " FROM pictory4j_job WHERE job_id = ?",
                    found -> new Ending(found.getString("submission_id"), found.getObject("ended_at") != null,
                            JdbcCreditLedger.held(found)), job.jobId());
            if (row.isEmpty()) { // a job this service did not submit: recorded, then ended
                database.run(doing, connection -> {
                    JobRows.adopt(connection, job, at);
                    return null;
                });
                continue;
            }
            Ending held = row.get();
            if (held.ended()) {
                return false;
            }
            Boolean won = database.run(doing, connection -> Database.isPostgres(connection)
                    ? Boolean.valueOf(inOneStatement(connection, held, job, at)) : null);
            if (won == null) {
                won = database.inTransaction(doing, connection -> inTransaction(connection, held, job, at));
            }
            if (won) {
                return true;
            }
        }
        return false;
    }

    /** A job's row as its end finds it. */
    private record Ending(String submissionId, boolean ended, JdbcCreditLedger.Held reserved) {
    }

    private boolean inOneStatement(Connection connection, Ending held, ImageJob job, Instant at) throws SQLException {
        List<Object> parameters = new ArrayList<>(Arrays.asList(endParameters(held.submissionId(), job, at)));
        StringBuilder sql = new StringBuilder("WITH ended AS (" + END + " RETURNING job_id),"
                + " lease AS (DELETE FROM pictory4j_claim WHERE kind = '" + Claim.POLL.name()
                + "' AND job_id IN (SELECT job_id FROM ended)),"
                + " event AS (INSERT INTO pictory4j_claim (job_id, kind, claimed_by, claimed_until)"
                + " SELECT job_id, '" + Claim.EVENT.name() + "', ?, ? FROM ended ON CONFLICT (job_id, kind)"
                + " DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_until = EXCLUDED.claimed_until)");
        parameters.addAll(List.of(owner, at.plus(Claims.ANNOUNCEMENT_CLAIM)));
        if (imageDue(job)) {
            sql.append(", image AS (INSERT INTO pictory4j_image_keeping (job_id, state, attempts, due_since)"
                    + " SELECT job_id, '" + ImageState.PENDING.name() + "', 0, ? FROM ended ON CONFLICT (job_id) DO NOTHING)");
            parameters.add(at);
        }
        if (held.reserved() != null) {
            sql.append(JdbcCreditLedger.settlingAfter("ended", held.reserved()));
            parameters.addAll(Arrays.asList(JdbcCreditLedger.settleParameters(held.reserved(),
                    JdbcCreditLedger.Charge.endOf(job))));
        }
        sql.append(" SELECT COUNT(*) FROM ended");
        return Database.first(connection, sql.toString(), found -> found.getLong(1) > 0, parameters.toArray())
                .orElse(false);
    }

    private boolean inTransaction(Connection connection, Ending held, ImageJob job, Instant at) throws SQLException {
        if (Database.update(connection, END, endParameters(held.submissionId(), job, at)) == 0) {
            return false;
        }
        Sql.together(connection, Claim.POLL.release(job.jobId()), new Sql("MERGE INTO pictory4j_claim (job_id, kind,"
                + " claimed_by, claimed_until) KEY (job_id, kind) VALUES (?, '" + Claim.EVENT.name() + "', ?, ?)",
                job.jobId(), owner, at.plus(Claims.ANNOUNCEMENT_CLAIM)));
        if (imageDue(job)) {
            Database.update(connection, "INSERT INTO pictory4j_image_keeping (job_id, state, attempts, due_since)"
                    + " VALUES (?, ?, 0, ?)", job.jobId(), ImageState.PENDING.name(), at);
        }
        if (held.reserved() != null) { // settled with the end, by its one recorder: exactly once
            JdbcCreditLedger.settle(connection, held.reserved(), JdbcCreditLedger.Charge.endOf(job));
        }
        return true;
    }

    private static boolean imageDue(ImageJob job) {
        return job.isCompleted() && job.url() != null;
    }

    private static Object[] endParameters(String submissionId, ImageJob job, Instant at) {
        return new Object[]{Phase.ENDED.name(), job.status().value(), job.url(), orNull(job.width(), Null.INTEGER),
                orNull(job.height(), Null.INTEGER), orNull(job.aiCreditsUsed(), Null.DECIMAL),
                JobRows.truncate(job.errorCode(), 256), JobRows.truncate(job.errorMessage(), 4000), at, at,
                submissionId, job.jobId()};
    }
}
