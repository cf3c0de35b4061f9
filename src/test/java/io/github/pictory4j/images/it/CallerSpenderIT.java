package io.github.pictory4j.images.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a container, a submission made for an authenticated caller is charged to that caller, and to the first team
 * of {@code pictory.budget.teams} whose role the caller has, with no {@code chargedTo} in the app's code; one made
 * with nobody logged in counts for the application alone. The users are the Arquillian server's basic registry
 * (liberty/arquillian/server.xml): alice in group design, bob in design and marketing, carol in none.
 */
@ExtendWith(ArquillianExtension.class)
class CallerSpenderIT {

    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return ProbeDeployments.probe("caller-spender", "pictory/mp-rest/url=" + PictoryStub.pictoryBaseUrl() + "\n"
                        + "pictory.api-key=" + ProbeDeployments.TEST_KEY + "\n"
                        + "pictory.retry.max-retries=0\n"
                        // marketing first: bob, in both teams, is charged to marketing
                        + "pictory.budget.teams=marketing,design\n"
                        + "pictory.budget.user.daily-credits=4\n", CallerProbe.class)
                .addAsWebInfResource(new StringAsset(CallerBudgets.webXml("/probe/caller/*",
                        "<login-config><auth-method>BASIC</auth-method></login-config>")), "web.xml");
    }

    private CallerBudgets callers() {
        return new CallerBudgets(base + "probe/");
    }

    private static void assertCredits(String expected, BigDecimal actual, String what) {
        CallerBudgets.assertCredits(new BigDecimal(expected), actual, what);
    }

    @Test
    void aCallersSubmissionsAreChargedToTheCallerAndTheFirstOfTheirTeams() throws Exception {
        PictoryStub.SERVER.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-caller-{{randomValue"
                + " length=12 type='ALPHANUMERIC'}}\"}}").withTransformers("response-template")));
        int before = PictoryStub.SERVER.findAll(postRequestedFor(urlEqualTo(IMAGES))).size();

        CallerBudgets callers = callers();
        assertEquals(401, callers.submitAs("nobody").statusCode(), "a wrong login gets nothing");
        assertEquals(200, callers.submitAs("alice").statusCode());
        assertEquals(200, callers.submitAs("alice").statusCode());
        HttpResponse<String> third = callers.submitAs("alice");
        assertEquals(200, callers.submitAs("bob").statusCode());
        assertEquals(200, callers.submitAs("carol").statusCode());
        assertEquals(200, callers.submitAnonymously().statusCode());

        assertTrue(third.statusCode() >= 400 && third.body().contains("user 'alice'"),
                "alice's third passes her own daily limit of 4: " + third.statusCode() + " " + third.body());
        assertCredits("4", callers.charged("user/alice"), "alice");
        assertCredits("2", callers.charged("user/bob"), "bob");
        assertCredits("2", callers.charged("user/carol"), "carol, in no team");
        assertCredits("4", callers.charged("team/design"), "design: alice's two");
        assertCredits("2", callers.charged("team/marketing"), "marketing: bob's, its first listed team");
        assertCredits("10", callers.charged("application/-"), "the application: all five, the anonymous one included");
        assertEquals(5, PictoryStub.SERVER.findAll(postRequestedFor(urlEqualTo(IMAGES))).size() - before);
    }
}
