package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.UnknownOutcome;
import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.jdbc.Database.Null;
import io.github.pictory4j.images.client.internal.jdbc.JobRows.Phase;
import io.github.pictory4j.images.client.internal.store.StoredRequests;
import io.github.pictory4j.images.client.internal.store.Submissions;
import io.github.pictory4j.images.client.internal.submission.PendingSubmission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.github.pictory4j.images.client.internal.jdbc.Database.orNull;

/** The submissions in {@code pictory4j_job}, each with its credit reservation taken in the transaction that records it. */
final class JdbcSubmissions implements Submissions {

    private final Database database;
    private final JobBinding binding;

    JdbcSubmissions(Database database, JobBinding binding) {
        this.database = database;
        this.binding = binding;
    }

    @Override
    public String submissionStarting(PendingSubmission pending) {
        String id = UUID.randomUUID().toString();
        StoredRequests.Stored request = StoredRequests.encode(pending.request());
        CreditReservation reservation = pending.reservation();
        database.inTransaction("recording a submission before it is sent (nothing was sent to Pictory)", connection -> {
            if (reservation != null) {
                JdbcCreditLedger.reserve(connection, reservation); // throws, and the row is not written, without room
            }
            Spender spender = pending.spender();
            return Database.update(connection, "INSERT INTO pictory4j_job (submission_id, phase, request_kind, request_json,"
                            + " estimated_credits, reserved_credits, credit_day, credit_month, credits_simulated,"
                            + " spender_user, spender_team, webhook_nonce, webhook_expires_at, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, Phase.SENDING.name(), request.kind(), request.json(),
                    orNull(pending.estimatedCredits(), Null.DECIMAL),
                    orNull(reservation == null ? null : reservation.credits(), Null.DECIMAL),
                    reservation == null ? null : reservation.day(), reservation == null ? null : reservation.month(),
                    // Its end settles in the periods it reserved in, whatever pictory.budget.simulated says by then.
                    reservation != null && reservation.simulated(),
                    spender == null ? null : spender.user(), spender == null ? null : spender.team(),
                    pending.webhookNonce(), orNull(pending.webhookExpiresAt(), Null.TIMESTAMP), pending.createdAt(),
                    pending.createdAt());
        });
        return id;
    }

    @Override
    public void submissionAccepted(String submissionId, String jobId, Instant at) {
        // One statement, in autocommit: a duplicate key (the job was recorded on its own) fails it alone.
        if (database.run("recording job " + jobId + " for its submission",
                connection -> binding.bind(connection, submissionId, jobId, at))) {
            return;
        }
        database.inTransaction("recording job " + jobId + " for its submission", connection -> {
            if (binding.bind(connection, submissionId, jobId, at)) {
                return null;
            }
            // The job was recorded on its own meanwhile (it was read before its id could be written):
            // the submission's row takes its place, with what was seen of it.
            Optional<ImageJob> seen = Database.first(connection, "SELECT " + JobRows.STATE + " FROM pictory4j_job j"
                    + " WHERE j.job_id = ?", JobRows::lastSeen, jobId);
            Database.update(connection, "DELETE FROM pictory4j_job WHERE job_id = ? AND request_kind IS NULL", jobId);
            binding.bind(connection, submissionId, jobId, at);
            if (seen.isPresent()) {
                JobRows.writeState(connection, seen.get(), at);
            }
            return null;
        });
    }

    @Override
    public void submissionRefused(String submissionId, Instant at) {
        database.inTransaction("recording a refused submission", connection -> {
            JdbcCreditLedger.settle(connection, "submission_id = ? AND job_id IS NULL", submissionId,
                    JdbcCreditLedger.Charge.NOTHING);
            return Database.update(connection, "UPDATE pictory4j_job SET phase = ?, webhook_nonce = NULL, updated_at = ?"
                    + " WHERE submission_id = ? AND job_id IS NULL", Phase.REFUSED.name(), at, submissionId);
        });
    }

    @Override
    public void submissionOutcomeUnknown(String submissionId, String reason, Instant at) {
        database.update("recording a submission whose outcome is unknown",
                "UPDATE pictory4j_job SET phase = ?, outcome_note = ?, updated_at = ? WHERE submission_id = ? AND job_id IS NULL",
                Phase.OUTCOME_UNKNOWN.name(), JobRows.truncate(reason, 1000), at, submissionId);
    }

    @Override
    public List<UnknownOutcome> unknownOutcomes(Instant sendingBefore) {
        return database.query("finding submissions whose outcome is unknown", "SELECT submission_id, phase, request_kind,"
                        + " request_json, created_at, outcome_note FROM pictory4j_job"
                        + " WHERE job_id IS NULL AND (phase = ? OR (phase = ? AND created_at < ?)) ORDER BY created_at",
                row -> new UnknownOutcome(row.getString("submission_id"), JobRows.request(row),
                        Database.instant(row, "created_at"), Phase.SENDING.name().equals(row.getString("phase"))
                                ? "still being sent when the process stopped: no job id was recorded"
                                : row.getString("outcome_note")),
                Phase.OUTCOME_UNKNOWN.name(), Phase.SENDING.name(), sendingBefore);
    }
}
