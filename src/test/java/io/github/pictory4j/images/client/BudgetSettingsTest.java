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
    void aCallerInSeveralListedTeamsPaysFromTheOneListedFirst() {
        BudgetSettings budget = BudgetSettings.NONE.teams(java.util.List.of("marketing", "design"));
        java.util.Set<String> bobsRoles = java.util.Set.of("design", "marketing", "staff");

        assertEquals(java.util.Optional.of("marketing"), budget.teamOf(bobsRoles::contains));
        assertEquals(java.util.Optional.of("design"), budget.teamOf(java.util.Set.of("design", "staff")::contains));
        assertEquals(java.util.Optional.empty(), budget.teamOf(java.util.Set.of("staff")::contains), "no listed team");
        assertEquals(java.util.Optional.empty(), BudgetSettings.NONE.teamOf(bobsRoles::contains), "no teams listed");
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

    @Test
    void simulatedCreditsAndTheSpendersUserInTelemetryAreOffUnlessSet() {
        assertFalse(PictoryConfig.budget(config(Map.of())).simulated());
        assertFalse(PictoryConfig.telemetry(config(Map.of())).spenderUser(), "no personal data by default");
        BudgetSettings simulated = PictoryConfig.budget(config(Map.of(BudgetSettings.SIMULATED, "true",
                BudgetSettings.DAILY_CREDITS, "5")));
        assertTrue(simulated.simulated());
        assertEquals(simulated, BudgetSettings.of(new BigDecimal("5"), null).simulated(true), "the plain-Java equivalent");
        assertTrue(PictoryConfig.telemetry(config(Map.of(TelemetrySettings.SPENDER_USER, "true"))).spenderUser());
        assertEquals(new TelemetrySettings(false, false, true), TelemetrySettings.DEFAULT.spenderUser(true));
        PictoryConfigurationException unusable = assertThrows(PictoryConfigurationException.class,
                () -> PictoryConfig.budget(config(Map.of(BudgetSettings.SIMULATED, "maybe"))));
        assertTrue(unusable.getMessage().contains("pictory.budget.simulated (env PICTORY_BUDGET_SIMULATED)"),
                unusable.getMessage());
    }

    @Test
    void readsEachUsersAndEachTeamsLimitsAndTheTeamsInOrder() {
        BudgetSettings set = PictoryConfig.budget(config(Map.of(BudgetSettings.USER_DAILY_CREDITS, "4",
                BudgetSettings.USER_MONTHLY_CREDITS, "40", BudgetSettings.TEAM_DAILY_CREDITS, "20",
                BudgetSettings.TEAM_MONTHLY_CREDITS, "200.5", BudgetSettings.TEAMS, "marketing, design")));

        assertEquals(new BudgetSettings.Limits(new BigDecimal("4"), new BigDecimal("40")), set.perUser());
        assertEquals(new BudgetSettings.Limits(new BigDecimal("20"), new BigDecimal("200.5")), set.perTeam());
        assertEquals(java.util.List.of("marketing", "design"), set.teams());
        assertFalse(set.limited(), "no application-wide limit");
    }

    @Test
    void unusableSpenderLimitsOrTeamsNameTheirSetting() {
        Map<String, String> unusable = Map.of(
                BudgetSettings.USER_DAILY_CREDITS, "-1",
                BudgetSettings.USER_MONTHLY_CREDITS, "lots",
                BudgetSettings.TEAM_DAILY_CREDITS, "-0.5",
                BudgetSettings.TEAM_MONTHLY_CREDITS, "x",
                BudgetSettings.TEAMS, "design," + "t".repeat(Spender.MAX_TEAM + 1));
        unusable.forEach((key, value) -> {
            PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                    () -> PictoryConfig.budget(config(Map.of(key, value))), key);
            assertTrue(e.getMessage().startsWith(key + " (env "), e.getMessage());
        });
    }

    @Test
    void aSpenderWhoseNameTheStoreCannotKeepIsRefusedNamingTheField() {
        for (String bad : new String[]{null, " ", "a".repeat(Spender.MAX_USER + 1), "line\nbreak"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spender.user(bad));
            assertTrue(e.getMessage().startsWith("Spender.user must be 1 to 128 characters"), e.getMessage());
        }
        IllegalArgumentException team = assertThrows(IllegalArgumentException.class,
                () -> Spender.user("alice").team("t".repeat(Spender.MAX_TEAM + 1)));
        assertTrue(team.getMessage().startsWith("Spender.team must be 1 to 64 characters"), team.getMessage());
        assertEquals("a".repeat(Spender.MAX_USER), Spender.user("a".repeat(Spender.MAX_USER)).user(), "the longest name is kept");
    }
}
