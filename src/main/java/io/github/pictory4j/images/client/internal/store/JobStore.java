package io.github.pictory4j.images.client.internal.store;

/**
 * The store, by role: each consumer takes the one it needs. In memory ({@link #inMemory()}) or in a database
 * ({@code JdbcJobStore.open}); nothing else keeps state about jobs.
 *
 * @param durable whether what is recorded survives the process (a database), so that jobs are followed
 *                again on start and images are kept
 */
public record JobStore(Submissions submissions, JobRecords records, CallbackBindings callbacks, Claims claims,
                       CreditLedger credits, ImageVault images, boolean durable) {

    /** The store of one JVM: lost when it stops, with no vault. */
    public static JobStore inMemory() {
        InMemoryJobStore store = new InMemoryJobStore();
        return new JobStore(store, store, store, store, store, ImageVault.NONE, false);
    }
}
