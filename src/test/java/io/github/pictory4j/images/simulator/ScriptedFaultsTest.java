package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.ControlJson;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.KeyCheck;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import io.github.pictory4j.images.simulator.control.RecordedRequest;
import io.github.pictory4j.images.simulator.control.RequestPattern;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.pictory4j.images.simulator.control.RequestPattern.jobReads;
import static io.github.pictory4j.images.simulator.control.RequestPattern.submissions;
import static io.github.pictory4j.images.simulator.control.StringMatch.containing;
import static io.github.pictory4j.images.simulator.control.StringMatch.equalTo;
import static io.github.pictory4j.images.simulator.control.StringMatch.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Faults served in the order scripted, each to the requests its pattern matches, as the control API sends it. */
class ScriptedFaultsTest {

    private static final Fault UNAVAILABLE = Fault.status(503);

    private final ScriptedFaults faults = new ScriptedFaults();

    private static RecordedRequest request(PictoryEndpoint endpoint) {
        return switch (endpoint) {
            case SUBMIT -> submission("A lighthouse", "seedream-3.0");
            case GET_JOB -> read("job-1");
            default -> new RecordedRequest(Jobs.T0, endpoint, "GET", "/elsewhere", null, Map.of(), KeyCheck.ACCEPTED,
                    "", null);
        };
    }

    private static RecordedRequest submission(String prompt, String model) {
        return new RecordedRequest(Jobs.T0, PictoryEndpoint.SUBMIT, "POST", "/v1/aistudio/images", null,
                Map.of("X-Test", List.of("case-1")), KeyCheck.ACCEPTED,
                Json.createObjectBuilder().add("prompt", prompt).add("model", model).build().toString(), null);
    }

    private static RecordedRequest read(String jobId) {
        return new RecordedRequest(Jobs.T0, PictoryEndpoint.GET_JOB, "GET", "/v1/jobs/" + jobId, null, Map.of(),
                KeyCheck.ACCEPTED, "", null);
    }

    /** Scripts {@code pattern} the way the control API receives it: written by the helper, read by the simulator. */
    private void script(RequestPattern pattern, int nth, int times, Fault fault) {
        JsonObject body = Json.createReader(new StringReader(ControlJson.faults(pattern, nth, times, fault).build()
                .toString())).readObject();
        faults.add(RequestPattern.fromJson(body), ControlJson.nth(body), ControlJson.times(body), Fault.fromJson(body));
    }

    @Test
    void eachFaultServesItsNumberOfRequestsInTheOrderScripted() {
        faults.add(PictoryEndpoint.SUBMIT, 2, UNAVAILABLE);
        faults.add(PictoryEndpoint.SUBMIT, 1, Fault.reset());

        assertEquals(Optional.of(UNAVAILABLE), faults.next(request(PictoryEndpoint.SUBMIT)));
        assertEquals(Optional.of(UNAVAILABLE), faults.next(request(PictoryEndpoint.SUBMIT)));
        assertEquals(Optional.of(Fault.reset()), faults.next(request(PictoryEndpoint.SUBMIT)));
        assertEquals(Optional.empty(), faults.next(request(PictoryEndpoint.SUBMIT)));
    }

    @Test
    void aFaultIsForItsEndpointOnly() {
        faults.add(PictoryEndpoint.GET_JOB, 1, Fault.status(500));

        assertEquals(Optional.empty(), faults.next(request(PictoryEndpoint.SUBMIT)));
        assertEquals(Optional.empty(), faults.next(request(PictoryEndpoint.LIST_IMAGES)));
        assertEquals(Optional.of(Fault.status(500)), faults.next(request(PictoryEndpoint.GET_JOB)));
    }

    @Test
    void aPromptContainingAPartHitsThatRequestAlone() {
        script(submissions().withPrompt(containing("harbour")), 1, 1, UNAVAILABLE);

        assertEquals(Optional.empty(), faults.next(submission("A lighthouse", "flux-schnell")));
        assertEquals(Optional.of(UNAVAILABLE), faults.next(submission("A harbour at night", "flux-schnell")));
        assertEquals(Optional.empty(), faults.next(submission("A harbour at dawn", "flux-schnell")), "used up");
    }

    @Test
    void aPromptMatchingARegexHitsThatRequestAlone() {
        script(submissions().withPrompt(matching("^A (harbour|bay) at dawn$")), 1, 2, UNAVAILABLE);

        assertEquals(Optional.empty(), faults.next(submission("A harbour at night", "flux-schnell")));
        assertEquals(Optional.of(UNAVAILABLE), faults.next(submission("A bay at dawn", "flux-schnell")));
        assertEquals(Optional.empty(), faults.next(submission("Not a bay at dawn", "flux-schnell")));
    }

    @Test
    void aModelHitsItsSubmissionsAlone() {
        script(submissions().withModel("flux-schnell"), 1, 1, UNAVAILABLE);

        assertEquals(Optional.empty(), faults.next(submission("A harbour", "seedream-3.0")));
        assertEquals(Optional.of(UNAVAILABLE), faults.next(submission("A harbour", "flux-schnell")));
    }

    @Test
    void aJobIdHitsTheReadsOfThatJobAlone() {
        script(jobReads().withJobId("job-2"), 1, 2, UNAVAILABLE);

        assertEquals(Optional.empty(), faults.next(read("job-1")));
        assertEquals(Optional.of(UNAVAILABLE), faults.next(read("job-2")));
        assertEquals(Optional.empty(), faults.next(read("job-1")));
        assertEquals(Optional.of(UNAVAILABLE), faults.next(read("job-2")));
        assertEquals(Optional.empty(), faults.next(read("job-2")));
    }

    @Test
    void aHeaderHitsTheRequestsThatCarryIt() {
        script(submissions().withHeader("x-test", equalTo("case-2")), 1, 1, UNAVAILABLE);
        assertEquals(Optional.empty(), faults.next(submission("A harbour", "flux-schnell")), "X-Test is case-1");

        script(submissions().withHeader("X-TEST", equalTo("case-1")), 1, 1, Fault.reset());
        assertEquals(Optional.of(Fault.reset()), faults.next(submission("A harbour", "flux-schnell")));
    }

    @Test
    void theNthMatchingRequestGetsTheFaultAndTheOnesBeforeItPass() {
        script(jobReads().withJobId("job-1"), 3, 1, UNAVAILABLE);

        assertEquals(Optional.empty(), faults.next(read("job-1")));
        assertEquals(Optional.empty(), faults.next(read("job-2")), "not a match: not counted");
        assertEquals(Optional.empty(), faults.next(read("job-1")));
        assertEquals(Optional.of(UNAVAILABLE), faults.next(read("job-1")));
        assertEquals(Optional.empty(), faults.next(read("job-1")));
    }

    @Test
    void theFirstFaultThatMatchesIsServedAndAnNthCountsEveryMatchingRequest() {
        script(jobReads(), 2, 1, Fault.status(500));
        script(jobReads().withJobId("job-1"), 1, 1, UNAVAILABLE);

        assertEquals(Optional.of(UNAVAILABLE), faults.next(read("job-1")), "the first fault lets its first read pass");
        assertEquals(Optional.of(Fault.status(500)), faults.next(read("job-1")), "the second read, though the first was faulted");
        assertEquals(Optional.empty(), faults.next(read("job-1")));
    }

    @Test
    void clearForgetsEveryFault() {
        faults.add(PictoryEndpoint.GET_JOB, 3, Fault.status(500));
        script(submissions().withPrompt(containing("harbour")), 2, 1, UNAVAILABLE);

        faults.clear();

        for (PictoryEndpoint endpoint : PictoryEndpoint.values()) {
            assertEquals(Optional.empty(), faults.next(request(endpoint)), endpoint.name());
        }
    }

    @Test
    void aFaultServesAtLeastOneRequestFromTheFirstOn() {
        assertThrows(IllegalArgumentException.class, () -> faults.add(PictoryEndpoint.SUBMIT, 0, Fault.reset()));
        assertThrows(IllegalArgumentException.class, () -> faults.add(submissions(), 0, 1, Fault.reset()));
    }
}
