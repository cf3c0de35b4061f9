package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.it.CallerBudgets;
import io.github.pictory4j.images.it.CallerProbe;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.pictory4j.images.runtimes.ConsumerDeployments.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the runtime under test, a signed-in caller's submissions through the injected service are charged to that
 * caller (the principal's name) and to the first team of {@code pictory.budget.teams} whose role the caller has,
 * with no {@code chargedTo} in the app's code. The app brings its users itself ({@link ConsumerCallers}: a Jakarta
 * Security identity store and HTTP Basic), so the same WAR runs everywhere; WildFly needs its security domain's
 * integrated JASPI off for an app's own store (src/test/wildfly/jakarta-security.yml).
 *
 * <p>The budgets are the deployment's, for the whole class: each test compares what it charged with what was
 * charged before it, and the one that uses up alice's daily limit runs last.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeCallerSpenderIT {

    private static final String NAME = "consumer-callers";
    private static final String USER_LIMIT = "6";
    private static final String[] SCOPES = {"user/alice", "user/bob", "user/carol", "team/design", "team/marketing",
            "team/interns", "application/-"};

    private final CallerBudgets callers = new CallerBudgets(ConsumerDeployments.base(NAME) + "/callers/");

    @Deployment(testable = false)
    static WebArchive app() {
        return ConsumerDeployments.consumer(NAME, "pictory.api-key=" + ConsumerDeployments.KEY + "\n"
                        // the order decides: bob, in both teams, pays from marketing
                        + "pictory.budget.teams=marketing,design\n"
                        + "pictory.budget.user.daily-credits=" + USER_LIMIT + "\n")
                .addClasses(ConsumerCallers.class, ConsumerCallerApplication.class, CallerProbe.class)
                .setWebXML(new StringAsset(CallerBudgets.webXml("/callers/caller/*", "")));
    }

    @Test
    void aCallerIsChargedAsTheUserAndTheirTeam() throws Exception {
        assertEquals(401, callers.submitAs("alice", "wrong-pw", "caller/submit").statusCode(),
                RUNTIME + ": a wrong password gets nothing");
        assertCharges(() -> callers.submitAs("alice"), Map.of("user/alice", "2", "team/design", "2", "application/-", "2"),
                "alice in design");
    }

    @Test
    void aCallerInTwoTeamsPaysFromTheFirstListed() throws Exception {
        assertCharges(() -> callers.submitAs("bob"), Map.of("user/bob", "2", "team/marketing", "2", "application/-", "2"),
                "bob in design and marketing, with pictory.budget.teams=marketing,design");
    }

    @Test
    void aCallerInNoListedTeamIsChargedAsAUserAlone() throws Exception {
        assertCharges(() -> callers.submitAs("carol"), Map.of("user/carol", "2", "application/-", "2"),
                "carol, whose role interns is no team");
    }

    @Test
    void aSubmissionWithNobodySignedInIsChargedToTheApplicationAlone() throws Exception {
        assertCharges(callers::submitAnonymously, Map.of("application/-", "2"), "nobody signed in");
    }

    @Test
    void aSpenderTheCodeNamesWinsOverTheCaller() throws Exception {
        Map<String, BigDecimal> namedBefore = callers.charged("user/campaign", "team/marketing");

        assertCharges(() -> callers.submitAs("alice", "alice-pw", "caller/submit-for/campaign/marketing"),
                Map.of("application/-", "2", "team/marketing", "2"), "alice's call for campaign");
        callers.assertChargedSince(namedBefore, Map.of("user/campaign", "2", "team/marketing", "2"),
                RUNTIME + ", chargedTo(campaign in marketing, a listed team alice is not in)");
    }

    /** Last: alice has no credit left after it. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aUsersDailyLimitRefusesThatUserOnly() throws Exception {
        SimulatorControl simulator = ConsumerDeployments.simulator(NAME);
        int limit = Integer.parseInt(USER_LIMIT);
        int sentBefore = simulator.requests(PictoryEndpoint.SUBMIT).size();
        int accepted = 0;
        HttpResponse<String> refused = null;
        while (refused == null && accepted <= limit / 2) {
            HttpResponse<String> answer = callers.submitAs("alice");
            if (answer.statusCode() == 200) {
                accepted++;
            } else {
                refused = answer;
            }
        }

        assertTrue(refused != null && refused.statusCode() == 502 && refused.body().contains("user 'alice'")
                        && refused.body().contains("pictory.budget.user.daily-credits"),
                RUNTIME + ": alice is refused once her " + USER_LIMIT + " credits are charged: "
                        + (refused == null ? "never refused" : refused.statusCode() + " " + refused.body()));
        assertEquals(sentBefore + accepted, simulator.requests(PictoryEndpoint.SUBMIT).size(),
                RUNTIME + ": alice's refused submission never reached Pictory");
        CallerBudgets.assertCredits(new BigDecimal(USER_LIMIT), callers.charged("user/alice"), RUNTIME + ", alice");
        assertOk(callers.submitAs("bob"));
        assertEquals(sentBefore + accepted + 1, simulator.requests(PictoryEndpoint.SUBMIT).size(),
                RUNTIME + ": bob, under his own limit, is sent");
    }

    /** One submission is accepted, and charges each of {@link #SCOPES} its {@code growth} (the others nothing). */
    private void assertCharges(Submission submission, Map<String, String> growth, String what) throws Exception {
        Map<String, BigDecimal> before = callers.charged(SCOPES);
        assertOk(submission.send());
        callers.assertChargedSince(before, growth, RUNTIME + ", " + what);
    }

    @FunctionalInterface
    private interface Submission {
        HttpResponse<String> send() throws Exception;
    }

    private static void assertOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), RUNTIME + ": " + response.body());
    }
}
