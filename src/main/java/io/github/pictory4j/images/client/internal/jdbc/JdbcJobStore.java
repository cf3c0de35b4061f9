package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.UnknownOutcome;
import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.store.JobStore;
import io.github.pictory4j.images.client.internal.submission.PendingSubmission;
import io.github.pictory4j.images.client.internal.budget.PeriodTotals;
import io.github.pictory4j.images.client.internal.jdbc.Database.Null;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.github.pictory4j.images.client.internal.jdbc.Database.orNull;

/**
 * The {@link JobStore} in a database, through plain JDBC (see {@code schema-v1.sql}): what the service
 * knows of its jobs survives restarts, and instances that share the database share it. Exactly-once
 * decisions are conditional updates that only one caller can win ({@code … WHERE ended_at IS NULL}).
 */
public final class JdbcJobStore implements JobStore {

    static final String COLUMNS = "submission_id, job_id, phase, status, prompt, model, aspect_ratio, style,"
            + " reference_image_url, own_webhook, estimated_credits, credits_used, image_url, width, height, error_code,"
            + " error_message, outcome_note, webhook_nonce, created_at, updated_at, ended_at, image_state, image_problem";

    private final Database database;
    private final String owner;
    private final Duration firstLease;

    /** @param owner this instance, as it signs its claims */
    public JdbcJobStore(Database database, String owner) {
        this(database, owner, Duration.ofMinutes(1));
    }

    /**
     * @param owner      this instance, as it signs its claims
     * @param firstLease how long the instance that binds a job id to its submission holds the job's poll
     *                   lease (taken in the same update: no extra round trip on the submission's path)
     */
    public JdbcJobStore(Database database, String owner, Duration firstLease) {
        this.database = database;
        this.owner = owner;
        this.firstLease = firstLease;
    }

    /** The phases of a row. */
    enum Phase { SENDING, OUTCOME_UNKNOWN, REFUSED, RUNNING, ENDED }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public String submissionStarting(PendingSubmission pending) {
        String id = UUID.randomUUID().toString();
        ImageRequest request = (ImageRequest) pending.request(); // the one kind this schema's columns hold
        CreditReservation reservation = pending.reservation();
        database.inTransaction("recording a submission before it is sent (nothing was sent to Pictory)", connection -> {
            if (reservation != null) {
                CreditLedger.reserve(connection, reservation); // throws, and the row is not written, without room
            }
            return Database.update(connection, "INSERT INTO pictory4j_job (submission_id, phase, prompt, model, aspect_ratio,"
                            + " style, reference_image_url, own_webhook, estimated_credits, reserved_credits, credit_day,"
                            + " credit_month, webhook_nonce, webhook_expires_at, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, Phase.SENDING.name(), request.prompt(), value(request.model()), value(request.aspectRatio()),
                    value(request.style()), request.referenceImageUrl(), request.webhook(),
                    orNull(pending.estimatedCredits(), Null.DECIMAL),
                    orNull(reservation == null ? null : reservation.credits(), Null.DECIMAL),
                    reservation == null ? null : reservation.day(), reservation == null ? null : reservation.month(),
                    pending.webhookNonce(), orNull(pending.webhookExpiresAt(), Null.TIMESTAMP), pending.createdAt(),
                    pending.createdAt());
        });
        return id;
    }

    @Override
    public void submissionAccepted(String submissionId, String jobId, Instant at) {
        // One statement, in autocommit: a duplicate key (the job was recorded on its own) fails it alone.
        if (database.run("recording job " + jobId + " for its submission", connection -> bind(connection, submissionId,
                jobId, at))) {
            return;
        }
        database.inTransaction("recording job " + jobId + " for its submission", connection -> {
            if (bind(connection, submissionId, jobId, at)) {
                return null;
            }
            // The job was recorded on its own meanwhile (it was read before its id could be written):
            // the submission's row takes its place, with what was seen of it.
            Optional<ImageJob> seen = Database.first(connection, "SELECT " + COLUMNS + " FROM pictory4j_job WHERE job_id = ?",
                    JdbcJobStore::lastSeen, jobId);
            Database.update(connection, "DELETE FROM pictory4j_job WHERE job_id = ? AND prompt IS NULL", jobId);
            bind(connection, submissionId, jobId, at);
            if (seen.isPresent()) {
                writeState(connection, seen.get(), at);
            }
            return null;
        });
    }

    /** Gives the submission its job id (and this instance the job's poll lease); false when another row has that id. */
    private boolean bind(Connection connection, String submissionId, String jobId, Instant at) throws SQLException {
        return Database.updateUnlessDuplicate(connection, "UPDATE pictory4j_job SET job_id = ?, phase = ?,"
                        + " status = COALESCE(status, ?), updated_at = ?, poll_owner = ?, poll_lease_until = ?"
                        + " WHERE submission_id = ? AND (job_id IS NULL OR job_id = ?)",
                jobId, Phase.RUNNING.name(), JobStatus.IN_PROGRESS.value(), at, owner, at.plus(firstLease), submissionId,
                jobId) > 0;
    }

    @Override
    public void submissionRefused(String submissionId, Instant at) {
        database.inTransaction("recording a refused submission", connection -> {
            CreditLedger.settle(connection, "submission_id = ? AND job_id IS NULL", submissionId, CreditLedger.Charge.NOTHING);
            return Database.update(connection, "UPDATE pictory4j_job SET phase = ?, webhook_nonce = NULL, updated_at = ?"
                    + " WHERE submission_id = ? AND job_id IS NULL", Phase.REFUSED.name(), at, submissionId);
        });
    }

    @Override
    public void submissionOutcomeUnknown(String submissionId, String reason, Instant at) {
        database.update("recording a submission whose outcome is unknown",
                "UPDATE pictory4j_job SET phase = ?, outcome_note = ?, updated_at = ? WHERE submission_id = ? AND job_id IS NULL",
                Phase.OUTCOME_UNKNOWN.name(), truncate(reason, 1000), at, submissionId);
    }

    @Override
    public Optional<String> jobForCallback(String nonce, String claimedJobId, Instant now) {
        // No transaction: the binding below is a conditional update of its own.
        return database.run("finding the job of a webhook callback", connection -> {
            Optional<Binding> binding = Database.first(connection,
                    "SELECT submission_id, job_id, webhook_expires_at FROM pictory4j_job WHERE webhook_nonce = ?",
                    row -> new Binding(row.getString("submission_id"), row.getString("job_id"),
                            Database.instant(row, "webhook_expires_at")), nonce);
            if (binding.isEmpty()) {
                return Optional.empty();
            }
            if (binding.get().jobId() != null) {
                return Optional.of(binding.get().jobId());
            }
            Instant expires = binding.get().expiresAt();
            if (claimedJobId == null || expires == null || !expires.isAfter(now)) {
                return Optional.empty();
            }
            // The callback outran the submission's answer: its token binds the job it names.
            return bind(connection, binding.get().submissionId(), claimedJobId, now) ? Optional.of(claimedJobId)
                    : Optional.empty();
        });
    }

    private record Binding(String submissionId, String jobId, Instant expiresAt) {
    }

    @Override
    public boolean expectsCallback(String jobId) {
        return database.first("checking whether job " + jobId + " calls back",
                "SELECT webhook_nonce FROM pictory4j_job WHERE job_id = ? AND ended_at IS NULL",
                row -> row.getString(1) != null, jobId).orElse(false);
    }

    @Override
    public void stateSeen(ImageJob job, Instant at) {
        database.run("recording the state of job " + job.jobId(), connection -> {
            if (writeState(connection, job, at) == 0) {
                adopt(connection, job, at, Phase.RUNNING);
            }
            return null;
        });
    }

    /** Updates a running job's state; answers the rows changed (0 when the job is unknown or ended). */
    private static int writeState(Connection connection, ImageJob job, Instant at) throws SQLException {
        return Database.update(connection, "UPDATE pictory4j_job SET status = ?, image_url = ?, width = ?, height = ?,"
                        + " credits_used = ?, error_code = ?, error_message = ?, updated_at = ? WHERE job_id = ? AND ended_at IS NULL",
                job.status().value(), job.url(), orNull(job.width(), Null.INTEGER), orNull(job.height(), Null.INTEGER),
                orNull(job.aiCreditsUsed(), Null.DECIMAL), truncate(job.errorCode(), 256),
                truncate(job.errorMessage(), 4000), at, job.jobId());
    }

    /** Records a job this service did not submit (it only read or waited for it); a no-op if it is there. */
    private void adopt(Connection connection, ImageJob job, Instant at, Phase phase) throws SQLException {
        Database.insertUnlessDuplicate(connection, "INSERT INTO pictory4j_job (submission_id, job_id, phase, status, image_url, width,"
                            + " height, credits_used, error_code, error_message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), job.jobId(), phase.name(), job.status().value(), job.url(),
                    orNull(job.width(), Null.INTEGER), orNull(job.height(), Null.INTEGER),
                    orNull(job.aiCreditsUsed(), Null.DECIMAL), truncate(job.errorCode(), 256),
                    truncate(job.errorMessage(), 4000), at, at);
    }

    /**
     * The row is read first (one statement, and all a caller that lost the race spends): an end recorded
     * already answers false; a row with a reservation ends, and settles it, in one transaction; one without
     * ends in one update. Only the job's one winner clears its reservation, so the reservation read is the
     * one settled, and the update checks that the row read is the one it ends (or it reads again).
     */
    @Override
    public boolean claimEnd(ImageJob job, Instant at) {
        String doing = "recording the end of job " + job.jobId();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Held> row = database.first(doing, "SELECT submission_id, ended_at, reserved_credits, credit_day,"
                            + " credit_month FROM pictory4j_job WHERE job_id = ?",
                    found -> new Held(found.getString("submission_id"), found.getObject("ended_at") != null,
                            found.getBigDecimal("reserved_credits"), found.getString("credit_day"),
                            found.getString("credit_month")), job.jobId());
            if (row.isEmpty()) { // a job this service did not submit: recorded, then ended
                database.run(doing, connection -> {
                    adopt(connection, job, at, Phase.RUNNING);
                    return null;
                });
                continue;
            }
            Held held = row.get();
            if (held.ended()) {
                return false;
            }
            // Without a reservation, or on PostgreSQL, one statement; with one on H2, a transaction.
            Boolean won = database.run(doing, connection -> held.reserved() == null
                    ? Boolean.valueOf(endIfRunning(connection, held.submissionId(), job, at))
                    : Database.isPostgres(connection) ? endAndSettle(connection, held, job, at) : null);
            if (won == null) {
                won = database.inTransaction(doing, connection -> {
                    // Settled with the end, by its one recorder: exactly once.
                    boolean ended = endIfRunning(connection, held.submissionId(), job, at);
                    if (ended) {
                        CreditLedger.settle(connection, held.reserved(), held.day(), held.month(),
                                CreditLedger.Charge.endOf(job));
                    }
                    return ended;
                });
            }
            if (won) {
                return true;
            }
        }
        return false;
    }

    /** A job's row as its end finds it. */
    private record Held(String submissionId, boolean ended, java.math.BigDecimal reserved, String day, String month) {
    }

    /**
     * The conditional update that only one caller wins: the end is recorded once, by its announcer, and the
     * row's reservation is cleared with it (the winner settles it in the same transaction).
     */
    private boolean endIfRunning(Connection connection, String submissionId, ImageJob job, Instant at) throws SQLException {
        return Database.update(connection, END, endParameters(submissionId, job, at)) > 0;
    }

    /** PostgreSQL: {@link #endIfRunning} and the settlement of the row's reservation, as one statement. */
    private Boolean endAndSettle(Connection connection, Held held, ImageJob job, Instant at) throws SQLException {
        Object[] end = endParameters(held.submissionId(), job, at);
        Object[] settle = CreditLedger.settleParameters(held.reserved(), held.day(), held.month(),
                CreditLedger.Charge.endOf(job));
        Object[] parameters = new Object[end.length + settle.length];
        System.arraycopy(end, 0, parameters, 0, end.length);
        System.arraycopy(settle, 0, parameters, end.length, settle.length);
        return Database.first(connection, CreditLedger.endAndSettle(END), row -> row.getLong(1) > 0, parameters)
                .orElse(false);
    }

    private static final String END = "UPDATE pictory4j_job SET phase = ?, status = ?, image_url = ?, width = ?, height = ?,"
            + " credits_used = ?, error_code = ?, error_message = ?, updated_at = ?, ended_at = ?, event_owner = ?,"
            + " event_claim_until = ?, image_state = ?, poll_owner = NULL, poll_lease_until = NULL,"
            + " reserved_credits = NULL WHERE submission_id = ? AND job_id = ? AND ended_at IS NULL";

    private Object[] endParameters(String submissionId, ImageJob job, Instant at) {
        return new Object[]{Phase.ENDED.name(), job.status().value(), job.url(), orNull(job.width(), Null.INTEGER),
                orNull(job.height(), Null.INTEGER), orNull(job.aiCreditsUsed(), Null.DECIMAL),
                truncate(job.errorCode(), 256), truncate(job.errorMessage(), 4000), at, at, owner,
                at.plus(ANNOUNCEMENT_CLAIM), job.isCompleted() && job.url() != null ? ImageState.PENDING.name() : null,
                submissionId, job.jobId()};
    }

    @Override
    public void endAnnounced(String jobId, Instant at) {
        database.update("recording that the end of job " + jobId + " was announced",
                "UPDATE pictory4j_job SET event_fired_at = ?, event_owner = NULL, event_claim_until = NULL WHERE job_id = ?",
                at, jobId);
    }

    @Override
    public boolean claimAnnouncement(String jobId, String claimant, Instant now, Instant until) {
        return database.update("claiming the announcement of job " + jobId,
                "UPDATE pictory4j_job SET event_owner = ?, event_claim_until = ? WHERE job_id = ? AND ended_at IS NOT NULL"
                        + " AND event_fired_at IS NULL AND (event_claim_until IS NULL OR event_claim_until < ?)",
                claimant, until, jobId, now) > 0;
    }

    @Override
    public List<ImageJob> unannouncedEnds(Instant now) {
        return database.query("finding ends not yet announced", "SELECT " + COLUMNS + " FROM pictory4j_job"
                        + " WHERE ended_at IS NOT NULL AND event_fired_at IS NULL"
                        + " AND (event_claim_until IS NULL OR event_claim_until < ?) ORDER BY ended_at",
                JdbcJobStore::lastSeen, now);
    }

    @Override
    public boolean holdPollLease(String jobId, String claimant, Instant now, Instant until) {
        return database.run("holding the poll lease of job " + jobId, connection -> {
            if (lease(connection, jobId, claimant, now, until)) {
                return true;
            }
            // A job this service did not submit (someone waits for it by id) has no row yet: adopt it.
            if (Database.first(connection, "SELECT job_id FROM pictory4j_job WHERE job_id = ?", row -> true, jobId).isEmpty()) {
                adopt(connection, new ImageJob(jobId, JobStatus.IN_PROGRESS, null, null, null, null, null, null), now,
                        Phase.RUNNING);
                return lease(connection, jobId, claimant, now, until);
            }
            return false;
        });
    }

    /** The conditional update of a lease: free, expired, or already this claimant's. */
    private static boolean lease(Connection connection, String jobId, String claimant, Instant now, Instant until)
            throws SQLException {
        return Database.update(connection, "UPDATE pictory4j_job SET poll_owner = ?, poll_lease_until = ? WHERE job_id = ?"
                        + " AND ended_at IS NULL AND (poll_owner = ? OR poll_owner IS NULL OR poll_lease_until IS NULL"
                        + " OR poll_lease_until < ?)",
                claimant, until, jobId, claimant, now) > 0;
    }

    @Override
    public List<OpenJob> unleased(Instant now) {
        return database.query("finding unfinished jobs nobody polls", "SELECT job_id, webhook_nonce FROM pictory4j_job"
                        + " WHERE phase = ? AND (poll_lease_until IS NULL OR poll_lease_until < ?) ORDER BY created_at",
                row -> new OpenJob(row.getString("job_id"), row.getString("webhook_nonce") != null),
                Phase.RUNNING.name(), now);
    }

    @Override
    public void releasePollLeases(String claimant) {
        database.update("releasing this instance's poll leases",
                "UPDATE pictory4j_job SET poll_owner = NULL, poll_lease_until = NULL WHERE poll_owner = ?", claimant);
    }

    @Override
    public List<ImageJob> endedSince(Instant since, int limit) {
        return database.query("finding recent ends", "SELECT " + COLUMNS + " FROM pictory4j_job WHERE ended_at >= ?"
                + " ORDER BY ended_at FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", JdbcJobStore::lastSeen, since);
    }

    @Override
    public List<PeriodTotals> periodTotals(Collection<String> periods) {
        return database.run("reading the credits spent and reserved", connection -> CreditLedger.totals(connection, periods));
    }

    @Override
    public Optional<ImageJob> lastSeen(String jobId) {
        return database.first("reading job " + jobId, "SELECT " + COLUMNS + " FROM pictory4j_job WHERE job_id = ?",
                JdbcJobStore::lastSeen, jobId);
    }

    @Override
    public List<OpenJob> unfinished() {
        return database.query("finding unfinished jobs", "SELECT job_id, webhook_nonce FROM pictory4j_job"
                        + " WHERE phase = ? ORDER BY created_at, submission_id",
                row -> new OpenJob(row.getString("job_id"), row.getString("webhook_nonce") != null), Phase.RUNNING.name());
    }

    @Override
    public List<UnknownOutcome> unknownOutcomes(Instant sendingBefore) {
        return database.query("finding submissions whose outcome is unknown", "SELECT " + COLUMNS + " FROM pictory4j_job"
                        + " WHERE job_id IS NULL AND (phase = ? OR (phase = ? AND created_at < ?)) ORDER BY created_at",
                row -> new UnknownOutcome(row.getString("submission_id"), request(row), Database.instant(row, "created_at"),
                        Phase.SENDING.name().equals(row.getString("phase"))
                                ? "still being sent when the process stopped: no job id was recorded"
                                : row.getString("outcome_note")),
                Phase.OUTCOME_UNKNOWN.name(), Phase.SENDING.name(), sendingBefore);
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return database.first("reading job " + jobId, "SELECT " + COLUMNS + " FROM pictory4j_job WHERE job_id = ?",
                JdbcJobStore::record, jobId);
    }

    @Override
    public List<JobRecord> newestFirst(int limit) {
        return database.query("listing jobs", "SELECT " + COLUMNS + " FROM pictory4j_job WHERE job_id IS NOT NULL"
                + " ORDER BY created_at DESC, submission_id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                JdbcJobStore::record);
    }

    @Override
    public boolean delete(String jobId) {
        return database.inTransaction("deleting job " + jobId, connection -> {
            Database.update(connection, "DELETE FROM pictory4j_image_chunk WHERE job_id = ?", jobId);
            Database.update(connection, "DELETE FROM pictory4j_image WHERE job_id = ?", jobId);
            return Database.update(connection, "DELETE FROM pictory4j_job WHERE job_id = ?", jobId) > 0;
        });
    }

    /** The image states of a row. */
    enum ImageState { PENDING, KEPT, FAILED }

    static JobRecord record(ResultSet row) throws SQLException {
        String image = row.getString("image_state");
        JobRecord.KeptImageState kept = image == null ? JobRecord.KeptImageState.NONE
                : new JobRecord.KeptImageState(JobRecord.KeptImageState.Status.valueOf(image), row.getString("image_problem"));
        return new JobRecord(row.getString("job_id"), request(row), row.getBigDecimal("estimated_credits"), lastSeen(row),
                Database.instant(row, "created_at"), Database.instant(row, "updated_at"),
                Database.instant(row, "ended_at"), kept);
    }

    static ImageJob lastSeen(ResultSet row) throws SQLException {
        String status = row.getString("status");
        return new ImageJob(row.getString("job_id"), JobStatus.of(status == null ? JobStatus.IN_PROGRESS.value() : status),
                row.getString("image_url"), Database.integer(row, "width"), Database.integer(row, "height"),
                row.getBigDecimal("credits_used"), row.getString("error_code"), row.getString("error_message"));
    }

    private static ImageRequest request(ResultSet row) throws SQLException {
        String prompt = row.getString("prompt");
        if (prompt == null) {
            return null;
        }
        String model = row.getString("model");
        String ratio = row.getString("aspect_ratio");
        String style = row.getString("style");
        return new ImageRequest(prompt, model == null ? null : ImageModel.of(model), ratio == null ? null : AspectRatio.of(ratio),
                style == null ? null : ImageStyle.of(style), row.getString("reference_image_url"), row.getString("own_webhook"));
    }

    private static String value(Object pictoryValue) {
        return pictoryValue == null ? null : pictoryValue.toString();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** For messages: what this store is. */
    @Override
    public String toString() {
        return "JdbcJobStore[owner=" + owner + "]";
    }
}
