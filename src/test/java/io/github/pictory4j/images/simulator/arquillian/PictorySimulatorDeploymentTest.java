package io.github.pictory4j.images.simulator.arquillian;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PictorySimulatorDeploymentTest {

    @Test
    void theSettingsSwitchTheSimulatorOnAndJoinKeyAndUrlByExpressionsAboveTheAppsOwnFile() {
        String settings = PictorySimulatorDeployment.of(ShrinkWrap.create(WebArchive.class, "pictures.war"))
                .with("pictory.poll.interval", "100ms").settings();

        assertEquals("""
                config_ordinal=110
                pictory.simulator.enabled=true
                pictory.simulator.api-key=pictai_simulator
                pictory.api-key=${pictory.simulator.api-key}
                pictory/mp-rest/url=http://localhost:${http.port}/pictures/simulator/pictoryapis
                pictory.poll.interval=100ms
                """, settings);
    }

    @Test
    void anotherRuntimesPortAndKeyAndASettingOfTheTestsOwnWin() {
        String settings = PictorySimulatorDeployment.of(ShrinkWrap.create(WebArchive.class, "shop.war"))
                .port("8280").key("pictai_test").with("pictory.simulator.enabled", "false").settings();

        assertTrue(settings.contains("pictory/mp-rest/url=http://localhost:8280/shop/simulator/pictoryapis\n"), settings);
        assertTrue(settings.contains("pictory.simulator.api-key=pictai_test\n"), settings);
        assertTrue(settings.contains("pictory.simulator.enabled=false\n"), settings);
    }

    @Test
    void aBlankKeyIsRefusedNamingTheDefault() {
        PictorySimulatorDeployment deployment = PictorySimulatorDeployment.of(ShrinkWrap.create(WebArchive.class, "a.war"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> deployment.key(" "));
        assertTrue(refused.getMessage().startsWith("key:") && refused.getMessage().contains("pictai_simulator"),
                refused.getMessage());
    }

    @Test
    void aJarThatIsNotOnTheClassPathAsAJarIsNamedWithTheDependencyToAdd() {
        // In this project the simulator's classes are a directory (target/classes), as in an IDE's own module.
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> PictorySimulatorDeployment
                .jarOf("io/github/pictory4j/images/simulator/SimulatorApplication.class", "simulator"));
        assertTrue(missing.getMessage().contains("<classifier>simulator</classifier>"), missing.getMessage());
        IllegalStateException absent = assertThrows(IllegalStateException.class,
                () -> PictorySimulatorDeployment.jarOf("no/such/Thing.class", "client"));
        assertTrue(absent.getMessage().contains("<classifier>client</classifier>"), absent.getMessage());
    }

    @Test
    void theControlOfAnAppIsItsSimulatorsBaseUrl() throws Exception {
        assertEquals("SimulatorControl[http://localhost:9680/pictures/simulator/pictoryapis/simulator-control]",
                PictorySimulatorDeployment.control(new URL("http://localhost:9680/pictures/")).toString());
    }
}
