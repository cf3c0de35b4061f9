package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.internal.budget.PeriodTotals;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.BudgetSettings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credits spent and reserved per day and month, in each scope, and the users' and teams' own limits. Reservations are taken by
 * {@link Submissions#submissionStarting} (in the same step as the submission's record) and settled by
 * {@link JobRecords#claimEnd} or {@link Submissions#submissionRefused}; the budget reads the totals here.
 */
public interface CreditLedger {

    /** The credits spent and reserved in these periods (days {@code 2026-01-31}, months {@code 2026-01}); none for a period without any. */
    List<PeriodTotals> periodTotals(Collection<String> periods);

    /**
     * The {@code limit} periods named {@code prefix}…{@code suffix} (such as {@code user/}…{@code /2026-01}) with the
     * most spent and reserved, most first, ties by name.
     */
    List<PeriodTotals> largest(String prefix, String suffix, int limit);

    /** Keeps a user's or team's own limits (replacing any before), which reservations apply from then on. */
    void setLimits(BudgetScope scope, BudgetSettings.Limits limits, Instant at);

    /** Forgets a scope's own limits; false when it had none. */
    boolean removeLimits(BudgetScope scope);

    /** Every scope's own limits. */
    Map<BudgetScope, BudgetSettings.Limits> limitOverrides();

    /** One scope's own limits, if it has some (a store with many overrides reads just this one). */
    default Optional<BudgetSettings.Limits> ownLimits(BudgetScope scope) {
        return Optional.ofNullable(limitOverrides().get(scope));
    }
}
