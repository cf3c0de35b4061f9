package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.internal.budget.PeriodTotals;

import java.util.Collection;
import java.util.List;

/**
 * The credits spent and reserved per day and month. Reservations are taken by
 * {@link Submissions#submissionStarting} (in the same step as the submission's record) and settled by
 * {@link JobRecords#claimEnd} or {@link Submissions#submissionRefused}; the budget reads the totals here.
 */
public interface CreditLedger {

    /** The credits spent and reserved in these periods (days {@code 2026-01-31}, months {@code 2026-01}); none for a period without any. */
    List<PeriodTotals> periodTotals(Collection<String> periods);
}
