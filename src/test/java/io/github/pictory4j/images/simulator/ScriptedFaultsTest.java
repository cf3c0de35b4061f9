package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.PictoryEndpoint;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScriptedFaultsTest {

    private final ScriptedFaults faults = new ScriptedFaults();

    @Test
    void eachFaultServesItsNumberOfRequestsInTheOrderScripted() {
        faults.add(PictoryEndpoint.SUBMIT, 2, Fault.status(503));
        faults.add(PictoryEndpoint.SUBMIT, 1, Fault.reset());

        assertEquals(Optional.of(Fault.status(503)), faults.next(PictoryEndpoint.SUBMIT));
        assertEquals(Optional.of(Fault.status(503)), faults.next(PictoryEndpoint.SUBMIT));
        assertEquals(Optional.of(Fault.reset()), faults.next(PictoryEndpoint.SUBMIT));
        assertEquals(Optional.empty(), faults.next(PictoryEndpoint.SUBMIT));
    }

    @Test
    void aFaultIsForItsEndpointOnly() {
        faults.add(PictoryEndpoint.GET_JOB, 1, Fault.status(500));

        assertEquals(Optional.empty(), faults.next(PictoryEndpoint.SUBMIT));
        assertEquals(Optional.empty(), faults.next(PictoryEndpoint.LIST_IMAGES));
        assertEquals(Optional.of(Fault.status(500)), faults.next(PictoryEndpoint.GET_JOB));
    }

    @Test
    void clearForgetsEveryFault() {
        faults.add(PictoryEndpoint.GET_JOB, 3, Fault.status(500));
        faults.add(PictoryEndpoint.CLEAN_JOB, 1, Fault.status(500));

        faults.clear();

        for (PictoryEndpoint endpoint : PictoryEndpoint.values()) {
            assertEquals(Optional.empty(), faults.next(endpoint), endpoint.name());
        }
    }

    @Test
    void aFaultServesAtLeastOneRequest() {
        assertThrows(IllegalArgumentException.class, () -> faults.add(PictoryEndpoint.SUBMIT, 0, Fault.reset()));
    }
}
