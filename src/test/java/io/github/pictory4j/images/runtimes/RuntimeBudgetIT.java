package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.SimulatorControl;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.pictory4j.images.runtimes.ConsumerDeployments.RUNTIME;
import static io.github.pictory4j.images.runtimes.ConsumerDeployments.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The credit budget on the runtime under test: what fits is sent, what does not is refused before Pictory sees it. */
@ExtendWith(ArquillianExtension.class)
class RuntimeBudgetIT {

    private static final String NAME = "consumer-budget";

    @Deployment(testable = false)
    static WebArchive app() {
        return ConsumerDeployments.consumer(NAME, "pictory.api-key=" + ConsumerDeployments.KEY + "\n"
                + "pictory.budget.daily-credits=1\n");
    }

    @Test
    void aSubmissionPastTheDailyLimitIsRefusedAndNeverSent() throws Exception {
        SimulatorControl simulator = ConsumerDeployments.simulator(NAME);
        String flux = "{\"prompt\":\"A lighthouse at dawn, on a budget\",\"model\":\"flux-schnell\"}";

        json(NAME, "POST", "images", flux, 200);
        JsonObject refused = json(NAME, "POST", "images", flux, 502);

        assertEquals("PictoryBudgetExceededException", refused.getString("type"), RUNTIME + ": " + refused);
        assertTrue(refused.getString("message").contains("pictory.budget.daily-credits"), refused.toString());
        assertEquals(1, simulator.requests(PictoryEndpoint.SUBMIT).size(), "only what fits reached Pictory");
        JsonObject usage = json(NAME, "GET", "usage", null, 200);
        assertEquals("1", usage.getString("limit"), usage.toString());
    }
}
