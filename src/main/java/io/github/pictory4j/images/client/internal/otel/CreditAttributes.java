package io.github.pictory4j.images.client.internal.otel;

import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.internal.telemetry.JobEnd;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.BUDGET_TEAM;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.CREDITS_SIMULATED;
import static io.github.pictory4j.images.client.internal.otel.GenAiAttributes.ENDUSER_ID;

/**
 * The attributes of {@code pictory.credits.used}: by model, by the team the job was charged to, by its user only
 * where {@code pictory.telemetry.spender-user} allows (a user's name is personal data), and marked when the
 * credits are a simulator's.
 */
final class CreditAttributes {

    private CreditAttributes() {
    }

    static Attributes of(Attributes byModel, JobEnd end, boolean withUser) {
        AttributesBuilder charge = byModel.toBuilder();
        Spender spender = end.spender();
        if (spender != null && spender.team() != null) {
            charge.put(BUDGET_TEAM, spender.team());
        }
        if (spender != null && withUser) {
            charge.put(ENDUSER_ID, spender.user());
        }
        if (end.simulated()) {
            charge.put(CREDITS_SIMULATED, true);
        }
        return charge.build();
    }
}
