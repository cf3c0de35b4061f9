package io.github.pictory4j.images.client.internal.otel;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.CreditUsage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.BUDGET_PERIOD;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.BUDGET_TEAM;

/**
 * The figures of the gauge {@code pictory.budget.remaining}, read when the metrics are collected: what each watched
 * scope's limits still allow today and this month. The application's series has no team; a team's carries its
 * name (a team is no personal data). A period without a limit has no series.
 */
final class BudgetRemaining implements Consumer<ObservableDoubleMeasurement> {

    private static final Logger LOG = Logger.getLogger(BudgetRemaining.class.getName());

    private final Function<BudgetScope, CreditUsage> usage;
    private final List<BudgetScope> scopes;

    BudgetRemaining(Function<BudgetScope, CreditUsage> usage, List<BudgetScope> scopes) {
        this.usage = usage;
        this.scopes = List.copyOf(scopes);
    }

    @Override
    public void accept(ObservableDoubleMeasurement measurement) {
        for (BudgetScope scope : scopes) {
            CreditUsage now;
            try {
                now = usage.apply(scope);
            } catch (RuntimeException e) {
                // The store is down: no figure this time, rather than a wrong one.
                LOG.log(Level.FINE, "The budget's figures of {0} could not be read for the metrics: {1}",
                        new Object[]{scope.describe(), e.getMessage()});
                continue;
            }
            Attributes of = scope.kind() == BudgetScope.Kind.TEAM ? Attributes.of(BUDGET_TEAM, scope.name()) : Attributes.empty();
            record(measurement, now.today().left(), of, "day");
            record(measurement, now.month().left(), of, "month");
        }
    }

    private static void record(ObservableDoubleMeasurement measurement, BigDecimal left, Attributes of, String period) {
        if (left != null) {
            measurement.record(left.doubleValue(), of.toBuilder().put(BUDGET_PERIOD, period).build());
        }
    }
}
