package io.github.pictory4j.images.testkit;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.PictoryBudgetExceededException;
import io.github.pictory4j.images.client.ScopeUsage;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * In the server, as an app's own test runs: a test submits as different users by naming the spender
 * ({@code images.chargedTo(…)}), against the simulator, and each user's budget counts only their own.
 */
@ExtendWith(ArquillianExtension.class)
class SpendingUsersIT {

    private static final String NAME = "testkit-spenders";
    private static final ImageRequest TWO_CREDITS = ImageRequest.builder("A lighthouse at dawn")
            .model(ImageModel.SEEDREAM_3_0).build();

    @Deployment
    static WebArchive app() {
        return TestKitDeployments.probeWithSimulator(NAME, "pictory.budget.user.daily-credits=4\n"
                + "pictory.budget.teams=design,marketing\n").addClass(SpendingUsersIT.class);
    }

    @Inject
    ImageService images;

    @Test
    void aTestSubmitsAsDifferentUsersAndEachSpendsFromTheirOwnBudget() {
        SimulatorControl simulator = SimulatorControl.at(URI.create("http://localhost:"
                + System.getProperty("pictory.test.port", "9080") + "/" + NAME + "/simulator/pictoryapis"));
        ImageService alice = images.chargedTo(Spender.user("alice").team("design"));
        ImageService bob = images.chargedTo(Spender.user("bob").team("marketing"));

        String alices = alice.submit(TWO_CREDITS);
        alice.submit(TWO_CREDITS);
        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> alice.submit(TWO_CREDITS));
        String bobs = bob.submit(TWO_CREDITS);

        assertEquals(BudgetScope.user("alice"), refused.refusal().scope());
        assertEquals(3, simulator.requests(PictoryEndpoint.SUBMIT).size(), "the refused one never reached the simulator");
        assertEquals("alice", images.job(alices).orElseThrow().spender().user());
        assertEquals("marketing", images.job(bobs).orElseThrow().spender().team());
        assertEquals(List.of(bobs), images.jobs(BudgetScope.user("bob"), 10).stream().map(r -> r.jobId()).toList());
        List<ScopeUsage> teams = images.topSpenders(BudgetScope.Kind.TEAM, 10);
        assertEquals(List.of("design", "marketing"), teams.stream().map(usage -> usage.scope().name()).toList());
        assertEquals(0, new BigDecimal("4").compareTo(teams.get(0).monthTotal()), "design: " + teams.get(0).monthTotal());
    }
}
