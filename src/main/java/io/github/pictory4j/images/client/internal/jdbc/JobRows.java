package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.internal.jdbc.Database.Null;
import io.github.pictory4j.images.client.internal.store.StoredRequests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static io.github.pictory4j.images.client.internal.jdbc.Database.orNull;

/** The rows of {@code pictory4j_job} (alias {@code j}) as the JDBC roles read and write them. */
final class JobRows {

    /** The columns of a job's last seen state. */
    static final String STATE = "j.job_id, j.status, j.image_url, j.width, j.height, j.credits_used, j.error_code,"
            + " j.error_message";

    /** The columns of a {@link JobRecord}, read {@link #FROM_RECORDS}. */
    static final String RECORD = STATE + ", j.request_kind, j.request_json, j.estimated_credits, j.created_at,"
            + " j.updated_at, j.ended_at, j.spender_user, j.spender_team, k.state AS image_state, k.problem AS image_problem";

    /** The jobs with their image's keeping state. */
    static final String FROM_RECORDS = "pictory4j_job j LEFT JOIN pictory4j_image_keeping k ON k.job_id = j.job_id";

    /** The phases of a row. */
    enum Phase { SENDING, OUTCOME_UNKNOWN, REFUSED, RUNNING, ENDED }

    /** The states of an image's keeping. */
    enum ImageState { PENDING, KEPT, FAILED }

    private JobRows() {
    }

    static JobRecord record(ResultSet row) throws SQLException {
        String image = row.getString("image_state");
        JobRecord.KeptImageState kept = image == null ? JobRecord.KeptImageState.NONE
                : new JobRecord.KeptImageState(JobRecord.KeptImageState.Status.valueOf(image), row.getString("image_problem"));
        return new JobRecord(row.getString("job_id"), request(row), row.getBigDecimal("estimated_credits"), lastSeen(row),
                Database.instant(row, "created_at"), Database.instant(row, "updated_at"),
                Database.instant(row, "ended_at"), kept, spender(row));
    }

    /** Who the row's submission was charged to; null for the application alone. */
    static Spender spender(ResultSet row) throws SQLException {
        String user = row.getString("spender_user");
        return user == null ? null : new Spender(user, row.getString("spender_team"));
    }

    static ImageJob lastSeen(ResultSet row) throws SQLException {
        String status = row.getString("status");
        return new ImageJob(row.getString("job_id"), JobStatus.of(status == null ? JobStatus.IN_PROGRESS.value() : status),
                row.getString("image_url"), Database.integer(row, "width"), Database.integer(row, "height"),
                row.getBigDecimal("credits_used"), row.getString("error_code"), row.getString("error_message"));
    }

    /** The submitted request of a row that selected {@code request_kind, request_json}; null for a job only waited for. */
    static JobRequest request(ResultSet row) throws SQLException {
        return StoredRequests.decode(row.getString("request_kind"), row.getString("request_json"));
    }

    /** Records a job this service did not submit (it only read or waited for it); a no-op if it is there. */
    static void adopt(Connection connection, ImageJob job, Instant at) throws SQLException {
        Database.insertUnlessDuplicate(connection, "INSERT INTO pictory4j_job (submission_id, job_id, phase, status,"
                        + " image_url, width, height, credits_used, error_code, error_message, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), job.jobId(), Phase.RUNNING.name(), job.status().value(), job.url(),
                orNull(job.width(), Null.INTEGER), orNull(job.height(), Null.INTEGER),
                orNull(job.aiCreditsUsed(), Null.DECIMAL), truncate(job.errorCode(), 256),
                truncate(job.errorMessage(), 4000), at, at);
    }

    /** Updates a running job's state; answers the rows changed (0 when the job is unknown or ended). */
    static int writeState(Connection connection, ImageJob job, Instant at) throws SQLException {
        return Database.update(connection, "UPDATE pictory4j_job SET status = ?, image_url = ?, width = ?, height = ?,"
                        + " credits_used = ?, error_code = ?, error_message = ?, updated_at = ? WHERE job_id = ? AND ended_at IS NULL",
                job.status().value(), job.url(), orNull(job.width(), Null.INTEGER), orNull(job.height(), Null.INTEGER),
                orNull(job.aiCreditsUsed(), Null.DECIMAL), truncate(job.errorCode(), 256),
                truncate(job.errorMessage(), 4000), at, job.jobId());
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
