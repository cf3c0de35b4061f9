package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetSettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void unsetMeansNoLimitInUtc() {
        BudgetSettings none = PictoryConfig.budget(config(Map.of()));

        assertFalse(none.limited());
        assertNull(none.dailyCredits());
        assertNull(none.monthlyCredits());
        assertEquals("UTC", none.zone().getId());
    }

    @Test
    void readsBothLimitsAndTheZone() {
        BudgetSettings set = PictoryConfig.budget(config(Map.of(BudgetSettings.DAILY_CREDITS, " 12.5 ",
                BudgetSettings.MONTHLY_CREDITS, "200", BudgetSettings.TIME_ZONE, "Europe/Paris")));

        assertTrue(set.limited());
        assertEquals(new BigDecimal("12.5"), set.dailyCredits());
        assertEquals(new BigDecimal("200"), set.monthlyCredits());
        assertEquals(ZoneId.of("Europe/Paris"), set.zone());
    }

    @Test
    void anUnusableValueNamesTheSettingItsVariableAndTheFix() {
        PictoryConfigurationException number = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.budget(config(Map.of(BudgetSettings.DAILY_CREDITS, "ten"))));
        assertTrue(number.getMessage().startsWith("pictory.budget.daily-credits (env PICTORY_BUDGET_DAILY_CREDITS) is not"
                + " a number of credits"), number.getMessage());

        PictoryConfigurationException negative = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.budget(config(Map.of(BudgetSettings.MONTHLY_CREDITS, "-1"))));
        assertTrue(negative.getMessage().contains("pictory.budget.monthly-credits (env PICTORY_BUDGET_MONTHLY_CREDITS)"
                + " must be 0 or more"), negative.getMessage());

        PictoryConfigurationException zone = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.budget(config(Map.of(BudgetSettings.TIME_ZONE, "Mars/Olympus"))));
        assertTrue(zone.getMessage().contains("pictory.budget.time-zone (env PICTORY_BUDGET_TIME_ZONE) is not a time zone"),
                zone.getMessage());
    }
}
