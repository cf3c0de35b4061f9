package io.github.pictory4j.images.client;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One user's or team's credits, as {@link ImageService#topSpenders} ranks them.
 *
 * @param scope the user or team
 * @param usage its spent, reserved and left today and this month, and its last days
 */
public record ScopeUsage(BudgetScope scope, CreditUsage usage) {

    public ScopeUsage {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(usage, "usage");
    }

    /**
     * This month's credits, spent, reserved and simulated together: what the ranking orders by (an application
     * counts either real or simulated credits, see {@code pictory.budget.simulated}).
     */
    public BigDecimal monthTotal() {
        return usage.month().spent().add(usage.month().reserved()).add(usage.month().simulated());
    }
}
