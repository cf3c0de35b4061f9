package io.github.pictory4j.images.client;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A submission would take a period's spending past its limit: nothing was sent to Pictory. The message
 * (and the accessors) say which limit, what is spent and reserved in the period, and when it resets.
 */
public class PictoryBudgetExceededException extends PictoryBudgetException {

    /** The periods a budget limits. */
    public enum Period {
        DAY(BudgetSettings.DAILY_CREDITS, "daily", "today"),
        MONTH(BudgetSettings.MONTHLY_CREDITS, "monthly", "this month");

        private final String setting;
        private final String adjective;
        private final String current;

        Period(String setting, String adjective, String current) {
            this.setting = setting;
            this.adjective = adjective;
            this.current = current;
        }

        /** The property that sets this period's limit. */
        public String setting() {
            return setting;
        }
    }

    private final Period period;
    private final BigDecimal limit;
    private final BigDecimal spent;
    private final BigDecimal reserved;
    private final BigDecimal requested;
    private final Instant resetsAt;

    /**
     * @param spent     credits Pictory charged in the period
     * @param reserved  credits held for submissions not settled yet (running, or whose outcome is unknown)
     * @param requested what the refused submission would have reserved
     */
    public PictoryBudgetExceededException(Period period, BigDecimal limit, BigDecimal spent, BigDecimal reserved,
                                          BigDecimal requested, Instant resetsAt) {
        super("The " + period.adjective + " credit budget is used up: this submission needs " + plain(requested)
                + " credits, and " + period.current + " " + plain(spent) + " are spent and " + plain(reserved)
                + " reserved of " + plain(limit) + " (" + period.setting + "), leaving "
                + plain(limit.subtract(spent).subtract(reserved).max(BigDecimal.ZERO)) + ". Nothing was sent to Pictory."
                + " The " + (period == Period.DAY ? "day" : "month") + " resets at " + resetsAt + "; raise "
                + period.setting + " (env " + PictorySettings.environmentVariable(period.setting)
                + ") to allow more now.");
        this.period = period;
        this.limit = limit;
        this.spent = spent;
        this.reserved = reserved;
        this.requested = requested;
        this.resetsAt = resetsAt;
    }

    public Period period() {
        return period;
    }

    public BigDecimal limit() {
        return limit;
    }

    public BigDecimal spent() {
        return spent;
    }

    public BigDecimal reserved() {
        return reserved;
    }

    public BigDecimal requested() {
        return requested;
    }

    /** When the period ends, and with it what was spent and reserved in it. */
    public Instant resetsAt() {
        return resetsAt;
    }

    private static String plain(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }
}
