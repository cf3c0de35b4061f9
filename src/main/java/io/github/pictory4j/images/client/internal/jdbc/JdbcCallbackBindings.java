package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.internal.store.CallbackBindings;

import java.time.Instant;
import java.util.Optional;

/** The webhook nonces of {@code pictory4j_job}'s submissions, and the jobs they name. */
final class JdbcCallbackBindings implements CallbackBindings {

    private final Database database;
    private final JobBinding binding;

    JdbcCallbackBindings(Database database, JobBinding binding) {
        this.database = database;
        this.binding = binding;
    }

    @Override
    public Optional<String> jobForCallback(String nonce, String claimedJobId, Instant now) {
        // No transaction: the binding below is a conditional update of its own.
        return database.run("finding the job of a webhook callback", connection -> {
            Optional<Bound> bound = Database.first(connection,
                    "SELECT submission_id, job_id, webhook_expires_at FROM pictory4j_job WHERE webhook_nonce = ?",
                    row -> new Bound(row.getString("submission_id"), row.getString("job_id"),
                            Database.instant(row, "webhook_expires_at")), nonce);
            if (bound.isEmpty()) {
                return Optional.empty();
            }
            if (bound.get().jobId() != null) {
                return Optional.of(bound.get().jobId());
            }
            Instant expires = bound.get().expiresAt();
            if (claimedJobId == null || expires == null || !expires.isAfter(now)) {
                return Optional.empty();
            }
            // The callback outran the submission's answer: its token binds the job it names.
            return binding.bind(connection, bound.get().submissionId(), claimedJobId, now) ? Optional.of(claimedJobId)
                    : Optional.empty();
        });
    }

    private record Bound(String submissionId, String jobId, Instant expiresAt) {
    }

    @Override
    public boolean expectsCallback(String jobId) {
        return database.first("checking whether job " + jobId + " calls back",
                "SELECT webhook_nonce FROM pictory4j_job WHERE job_id = ? AND ended_at IS NULL",
                row -> row.getString(1) != null, jobId).orElse(false);
    }
}
