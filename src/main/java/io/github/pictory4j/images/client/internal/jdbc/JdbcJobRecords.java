package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.internal.jdbc.JobRows.Phase;
import io.github.pictory4j.images.client.internal.store.JobRecords;
import io.github.pictory4j.images.client.internal.store.OpenJob;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The jobs of {@code pictory4j_job}: their states, their ends (see {@link EndRecording}) and their records. */
final class JdbcJobRecords implements JobRecords {

    private final Database database;
    private final EndRecording ends;

    JdbcJobRecords(Database database, String owner) {
        this.database = database;
        this.ends = new EndRecording(database, owner);
    }

    @Override
    public void stateSeen(ImageJob job, Instant at) {
        database.run("recording the state of job " + job.jobId(), connection -> {
            if (JobRows.writeState(connection, job, at) == 0) {
                JobRows.adopt(connection, job, at);
            }
            return null;
        });
    }

    @Override
    public boolean claimEnd(ImageJob job, Instant at) {
        return ends.claimEnd(job, at);
    }

    @Override
    public Optional<ImageJob> lastSeen(String jobId) {
        return database.first("reading job " + jobId, "SELECT " + JobRows.STATE + " FROM pictory4j_job j WHERE j.job_id = ?",
                JobRows::lastSeen, jobId);
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return database.first("reading job " + jobId, "SELECT " + JobRows.RECORD + " FROM " + JobRows.FROM_RECORDS
                + " WHERE j.job_id = ?", JobRows::record, jobId);
    }

    @Override
    public Optional<Spender> spenderOf(String jobId) {
        return database.first("reading who job " + jobId + " is charged to", "SELECT spender_user, spender_team"
                        + " FROM pictory4j_job WHERE job_id = ? AND spender_user IS NOT NULL",
                row -> new Spender(row.getString("spender_user"), row.getString("spender_team")), jobId);
    }

    @Override
    public List<JobRecord> newestFirst(int limit) {
        return database.query("listing jobs", "SELECT " + JobRows.RECORD + " FROM " + JobRows.FROM_RECORDS
                + " WHERE j.job_id IS NOT NULL ORDER BY j.created_at DESC, j.submission_id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", JobRows::record);
    }

    @Override
    public boolean delete(String jobId) {
        return database.inTransaction("deleting job " + jobId, connection -> {
            for (String table : List.of("pictory4j_image_chunk", "pictory4j_image", "pictory4j_image_keeping",
                    "pictory4j_claim")) {
                Database.update(connection, "DELETE FROM " + table + " WHERE job_id = ?", jobId);
            }
            return Database.update(connection, "DELETE FROM pictory4j_job WHERE job_id = ?", jobId) > 0;
        });
    }

    @Override
    public List<OpenJob> unfinished() {
        return database.query("finding unfinished jobs", "SELECT job_id, webhook_nonce FROM pictory4j_job"
                        + " WHERE phase = ? ORDER BY created_at, submission_id",
                row -> new OpenJob(row.getString("job_id"), row.getString("webhook_nonce") != null), Phase.RUNNING.name());
    }

    @Override
    public List<ImageJob> endedSince(Instant since, int limit) {
        return database.query("finding recent ends", "SELECT " + JobRows.STATE + " FROM pictory4j_job j"
                + " WHERE j.ended_at >= ? ORDER BY j.ended_at FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                JobRows::lastSeen, since);
    }
}
