package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.ConfigValues;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A submission would take a period's spending past its limit in one of its scopes (the application's, its
 * user's or its team's): nothing was reserved or sent to Pictory. The message (and {@link #refusal()}) say
 * which scope and limit, what is spent and reserved in the period, and when it resets.
 */
public class PictoryBudgetExceededException extends PictoryBudgetException {

    /** The periods a budget limits, with the property that sets each one's application-wide limit. */
    public enum Period {
        DAY(BudgetSettings.DAILY_CREDITS),
        MONTH(BudgetSettings.MONTHLY_CREDITS);

        private final String setting;

        Period(String setting) {
            this.setting = setting;
        }

        /** The property that sets this period's application-wide limit (see {@link Refusal#setting()}). */
        public String setting() {
            return setting;
        }
    }

    /**
     * What the budget refused.
     *
     * @param scope     whose budget it is: the application's, a user's or a team's
     * @param spent     credits Pictory charged in the period, in that scope
     * @param reserved  credits held for submissions not settled yet (running, or whose outcome is unknown)
     * @param requested what the refused submission would have reserved
     * @param resetsAt  when the period ends, and with it what was spent and reserved in it
     */
    public record Refusal(BudgetScope scope, Period period, BigDecimal limit, BigDecimal spent, BigDecimal reserved,
                          BigDecimal requested, Instant resetsAt) {

        /** What the period can still take: {@code limit - spent - reserved}, at least 0. */
        public BigDecimal left() {
            return limit.subtract(spent).subtract(reserved).max(BigDecimal.ZERO);
        }

        /** The property that sets the limit that refused. */
        public String setting() {
            return period == Period.DAY ? scope.kind().dailySetting() : scope.kind().monthlySetting();
        }
    }

    private final Refusal refusal;

    public PictoryBudgetExceededException(Refusal refusal) {
        super(message(refusal));
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    private static String message(Refusal refused) {
        boolean day = refused.period() == Period.DAY;
        String setting = refused.setting();
        String whose = refused.scope().kind() == BudgetScope.Kind.APPLICATION ? "" : " of " + refused.scope().describe();
        return "The " + (day ? "daily" : "monthly") + " credit budget" + whose + " is used up: this submission needs "
                + plain(refused.requested()) + " credits, and " + (day ? "today " : "this month ")
                + plain(refused.spent()) + " are spent and " + plain(refused.reserved()) + " reserved of "
                + plain(refused.limit()) + " (" + setting + "), leaving " + plain(refused.left())
                + ". Nothing was sent to Pictory. The " + (day ? "day" : "month") + " resets at " + refused.resetsAt()
                + "; raise " + setting + " (env " + ConfigValues.environmentVariable(setting) + ") to allow more now.";
    }

    private static String plain(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }
}
