package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.KeptImage;
import io.github.pictory4j.images.client.PictoryStoreException;
import io.github.pictory4j.images.client.internal.store.ImageVault;
import io.github.pictory4j.images.client.internal.images.PngCheck;
import io.github.pictory4j.images.client.internal.jdbc.JobRows.ImageState;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Kept PNGs in the database, in chunks of {@value #CHUNK_BYTES} bytes: a download is written as it
 * arrives and an image is read back chunk by chunk, so neither ever sits whole in memory. A kept image
 * replaces any earlier attempt in one transaction: it is there whole, or not at all.
 */
final class JdbcImageVault implements ImageVault {

    static final int CHUNK_BYTES = 64 * 1024;
    static final String PNG = "image/png";

    private final Database database;

    JdbcImageVault(Database database) {
        this.database = database;
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return database.query("finding images to keep", "SELECT k.job_id FROM pictory4j_image_keeping k"
                        + " LEFT JOIN pictory4j_claim c ON c.job_id = k.job_id AND c.kind = '" + Claim.IMAGE.name() + "'"
                        + " WHERE k.state = ? AND (k.retry_at IS NULL OR k.retry_at <= ?)"
                        + " AND (c.claimed_until IS NULL OR c.claimed_until < ?) ORDER BY k.due_since FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY",
                row -> row.getString(1), ImageState.PENDING.name(), now, now);
    }

    @Override
    public Optional<Download> claim(String jobId, String owner, Instant now, Instant until) {
        // PostgreSQL: one statement, the claim answering what the download needs; H2: the claim, then a read.
        String doing = "claiming the download of job " + jobId + "'s image";
        String download = " SELECT j.image_url, k.attempts FROM pictory4j_job j JOIN pictory4j_image_keeping k"
                + " ON k.job_id = j.job_id WHERE j.job_id = ?";
        return database.run(doing, connection -> {
            Object[] claim = Claim.parameters(jobId, owner, until, now, jobId);
            if (Database.isPostgres(connection)) {
                Object[] parameters = Arrays.copyOf(claim, claim.length + 1);
                parameters[claim.length] = jobId;
                return Database.first(connection, "WITH taken AS (" + Claim.IMAGE.taking(true, false, DUE)
                        + " RETURNING job_id)" + download + " AND EXISTS (SELECT 1 FROM taken)", download(jobId), parameters);
            }
            return Claim.IMAGE.take(connection, jobId, owner, until, now, false, DUE, jobId)
                    ? Database.first(connection, download, download(jobId), jobId) : Optional.empty();
        });
    }

    private static final String DUE = "SELECT 1 FROM pictory4j_image_keeping WHERE job_id = ? AND state = '"
            + ImageState.PENDING.name() + "'";

    private static Database.Row<Download> download(String jobId) {
        return row -> new Download(jobId, row.getString("image_url"), row.getInt("attempts"));
    }

    @Override
    public void keep(String jobId, PngCheck png, Instant now) throws IOException {
        try {
            database.inTransaction("keeping job " + jobId + "'s image", connection -> {
                // Upserts, not deletes first: an earlier attempt's rows (if any) are overwritten, and chunks past
                // the new count are never read.
                boolean postgres = Database.isPostgres(connection);
                int chunks = writeChunks(connection, jobId, png, postgres
                        ? "INSERT INTO pictory4j_image_chunk (job_id, seq, data) VALUES (?, ?, ?)"
                                + " ON CONFLICT (job_id, seq) DO UPDATE SET data = EXCLUDED.data"
                        : "MERGE INTO pictory4j_image_chunk (job_id, seq, data) KEY (job_id, seq) VALUES (?, ?, ?)");
                Database.update(connection, postgres
                                ? "INSERT INTO pictory4j_image (job_id, content_type, size_bytes, width, height, chunks, kept_at)"
                                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (job_id) DO UPDATE SET"
                                        + " content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes,"
                                        + " width = EXCLUDED.width, height = EXCLUDED.height, chunks = EXCLUDED.chunks,"
                                        + " kept_at = EXCLUDED.kept_at"
                                : "MERGE INTO pictory4j_image (job_id, content_type, size_bytes, width, height, chunks, kept_at)"
                                        + " KEY (job_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        jobId, PNG, png.size(), png.width(), png.height(), chunks, now);
                return settled(connection, jobId, ImageState.KEPT, null, null, now);
            });
        } catch (PictoryStoreException e) {
            if (e.getCause() instanceof SQLException sql && sql.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** Streams the PNG into chunk rows; answers how many. */
    private static int writeChunks(Connection connection, String jobId, PngCheck png, String upsert) throws SQLException {
        byte[] buffer = new byte[CHUNK_BYTES];
        byte[] header = png.header();
        System.arraycopy(header, 0, buffer, 0, header.length);
        int filled = header.length;
        int seq = 0;
        try (PreparedStatement insert = connection.prepareStatement(upsert)) {
            while (true) {
                int n;
                try {
                    n = png.read(buffer, filled, buffer.length - filled);
                } catch (IOException e) {
                    throw new SQLException("the download broke: " + e.getMessage(), "08000", e);
                }
                if (n > 0) {
                    filled += n;
                }
                if (filled == buffer.length || (n < 0 && filled > 0)) {
                    insert.setString(1, jobId);
                    insert.setInt(2, seq++);
                    insert.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, filled), filled);
                    insert.executeUpdate();
                    filled = 0;
                }
                if (n < 0) {
                    return seq;
                }
            }
        }
    }

    @Override
    public void failed(String jobId, String problem, Instant retryAt, Instant now) {
        database.run("recording a failed download of job " + jobId + "'s image", connection -> settled(connection, jobId,
                retryAt == null ? ImageState.FAILED : ImageState.PENDING, JobRows.truncate(problem, 1000), retryAt, now));
    }

    /**
     * An attempt is over: the image's keeping state, its claim given up, the job's record touched (on
     * PostgreSQL one statement).
     */
    private static Void settled(Connection connection, String jobId, ImageState state, String problem, Instant retryAt,
                                Instant now) throws SQLException {
        Sql.together(connection, Claim.IMAGE.release(jobId),
                new Sql("UPDATE pictory4j_job SET updated_at = ? WHERE job_id = ?", now, jobId),
                new Sql("UPDATE pictory4j_image_keeping SET state = ?, problem = ?, retry_at = ?, attempts = attempts + 1"
                        + " WHERE job_id = ?", state.name(), problem, Database.orNull(retryAt, Database.Null.TIMESTAMP),
                        jobId));
        return null;
    }

    @Override
    public Optional<KeptImage> find(String jobId) {
        return database.first("reading job " + jobId + "'s kept image", "SELECT content_type, size_bytes, width, height,"
                        + " chunks, kept_at FROM pictory4j_image WHERE job_id = ?",
                row -> new Kept(jobId, row.getString("content_type"), row.getLong("size_bytes"), row.getInt("width"),
                        row.getInt("height"), row.getInt("chunks"), Database.instant(row, "kept_at")), jobId);
    }

    /** A kept image whose bytes are read one chunk per query, on one connection. */
    private final class Kept implements KeptImage {
        private final String jobId;
        private final String contentType;
        private final long sizeBytes;
        private final int width;
        private final int height;
        private final int chunks;
        private final Instant keptAt;

        Kept(String jobId, String contentType, long sizeBytes, int width, int height, int chunks, Instant keptAt) {
            this.jobId = jobId;
            this.contentType = contentType;
            this.sizeBytes = sizeBytes;
            this.width = width;
            this.height = height;
            this.chunks = chunks;
            this.keptAt = keptAt;
        }

        @Override
        public String jobId() {
            return jobId;
        }

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public long sizeBytes() {
            return sizeBytes;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public Instant keptAt() {
            return keptAt;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = openStream()) {
                in.transferTo(out);
            }
        }

        @Override
        public InputStream openStream() {
            return new ChunkStream(jobId, chunks);
        }
    }

    /** Reads chunk after chunk; holds a connection while open. */
    private final class ChunkStream extends InputStream {
        private final String jobId;
        private final int chunks;
        private Connection connection;
        private PreparedStatement select;
        private InputStream current = InputStream.nullInputStream();
        private int next;

        ChunkStream(String jobId, int chunks) {
            this.jobId = jobId;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                int n = current.read(buffer, offset, length);
                if (n >= 0 || next >= chunks) {
                    return n;
                }
                current = nextChunk();
            }
        }

        private InputStream nextChunk() throws IOException {
            try {
                if (select == null) {
                    connection = database.connection();
                    select = connection.prepareStatement("SELECT data FROM pictory4j_image_chunk WHERE job_id = ? AND seq = ?");
                }
                select.setString(1, jobId);
                select.setInt(2, next++);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IOException("job " + jobId + "'s kept image is missing chunk " + (next - 1));
                    }
                    // One chunk (64 KiB) at a time in memory.
                    return new ByteArrayInputStream(row.getBytes(1));
                }
            } catch (SQLException e) {
                throw new IOException(database.failure("reading job " + jobId + "'s kept image", e).getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (select != null) {
                    select.close();
                }
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
