package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.internal.store.JobStore;

import java.time.Duration;

/**
 * The {@link JobStore} in a database, through plain JDBC (see {@code schema-v4.sql}): what the service knows
 * of its jobs survives restarts, and instances that share the database share it. Each role is its own class
 * on the same tables; exactly-once decisions are conditional updates that only one caller can win.
 */
public final class JdbcJobStore {

    private JdbcJobStore() {
    }

    /** @param owner this instance, as it signs its claims */
    public static JobStore open(Database database, String owner) {
        return open(database, owner, Duration.ofMinutes(1));
    }

    /**
     * @param owner      this instance, as it signs its claims
     * @param firstLease how long the instance that binds a job id to its submission holds the job's poll
     *                   lease (taken in the same step: no extra round trip on the submission's path)
     */
    public static JobStore open(Database database, String owner, Duration firstLease) {
        JobBinding binding = new JobBinding(owner, firstLease);
        return new JobStore(new JdbcSubmissions(database, binding), new JdbcJobRecords(database, owner),
                new JdbcCallbackBindings(database, binding), new JdbcClaims(database), new JdbcCreditLedger(database),
                new JdbcImageVault(database), true);
    }
}
