package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scope's jobs are unknown to every other scope; a job can end at its n-th read, whatever the clock says. */
class ScopedJobsTest {

    private static final URI BASE = URI.create("http://localhost/app/simulator/pictoryapis/");
    private static final SimulatorSettings SETTINGS = SimulatorSettings.DEFAULT;

    private final SimulatedJobs jobs = new SimulatedJobs();
    private final SimulatorScope mine = new SimulatorScope("scope-1");
    private final SimulatorScope theirs = new SimulatorScope("scope-2");
    /** The webhook tasks the jobs asked the scheduler for. */
    private final List<String> scheduled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void wire() throws ReflectiveOperationException {
        jobs.store = new SimulatedJobTable();
        // Whatever the scheduler's type, a stand-in that only notes what was scheduled.
        var field = SimulatedJobs.class.getDeclaredField("scheduler");
        field.set(jobs, Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{field.getType()},
                (proxy, method, args) -> {
                    if (!method.getName().equals("schedule")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    scheduled.add(method.getName());
                    return null;
                }));
    }

    private SimulatedJob submit(SimulatorScope scope, String prompt) {
        return jobs.start(scope, new ImageOrder(prompt, Jobs.order(prompt).model(), "1:1", null, null,
                "http://localhost/app/webhook"), BASE, SETTINGS);
    }

    @Test
    void anotherScopesJobIsUnknownEverywhere() {
        SimulatedJob job = submit(mine, "A harbour");
        jobs.end(mine, job.id(), JobEnding.completed(), SETTINGS);

        assertEquals(Optional.empty(), jobs.read(theirs, job.id(), SETTINGS));
        assertEquals(SimulatedJobs.Cleaning.UNKNOWN, jobs.clean(theirs, job.id()));
        assertEquals(Optional.empty(), jobs.traffic(theirs, job.id()));
        assertEquals(Optional.empty(), jobs.end(theirs, job.id(), JobEnding.cleaned(), SETTINGS));
        assertEquals(List.of(), jobs.completedNewestFirst(theirs));

        assertEquals(0, jobs.traffic(mine, job.id()).orElseThrow().reads(), "the other scope's read was not counted");
        assertEquals(List.of(job.id()), jobs.completedNewestFirst(mine).stream().map(SimulatedJob::id).toList());
        assertEquals(Optional.of("scope-1"), jobs.owner(job.id()));
    }

    @Test
    void resettingOneScopeLeavesTheOthersJobs() {
        SimulatedJob job = submit(mine, "A harbour");
        SimulatedJob other = submit(theirs, "A lighthouse");

        jobs.clear(theirs);

        assertTrue(jobs.traffic(mine, job.id()).isPresent());
        assertEquals(Optional.empty(), jobs.traffic(theirs, other.id()));
    }

    @Test
    void eachScopeFollowsItsOwnScript() {
        theirs.script().endNextJobs(1, JobEnding.failed("E1", "Theirs"));

        SimulatedJob job = submit(mine, "A harbour");
        SimulatedJob other = submit(theirs, "A lighthouse");

        assertEquals(JobEnding.completed(), job.ending());
        assertEquals(JobEnding.failed("E1", "Theirs"), other.ending());
    }

    @Test
    void aJobScriptedToEndAfterTwoReadsSaysInProgressThenItsEndAndOnlyThenCallsItsWebhook() {
        mine.script().jobDuration(java.time.Duration.ZERO);
        mine.script().endNextJobs(1, JobEnding.completed().afterReads(2));
        SimulatedJob job = submit(mine, "A harbour");
        assertEquals(List.of(), scheduled, "no webhook while the end waits for reads");

        assertEquals(SimulatedStatus.IN_PROGRESS, jobs.read(mine, job.id(), SETTINGS).orElseThrow().status(jobs.now()),
                "a zero duration does not end it: its reads do");
        assertEquals("in-progress", jobs.traffic(mine, job.id()).orElseThrow().status());
        assertEquals(List.of(), scheduled);

        assertEquals(SimulatedStatus.COMPLETED, jobs.read(mine, job.id(), SETTINGS).orElseThrow().status(jobs.now()));
        assertEquals(List.of("schedule"), scheduled, "its webhook, once");
        assertEquals(SimulatedStatus.COMPLETED, jobs.read(mine, job.id(), SETTINGS).orElseThrow().status(jobs.now()));
        assertEquals(List.of("schedule"), scheduled, "a later read ends nothing more");
        assertEquals("completed", jobs.traffic(mine, job.id()).orElseThrow().status());
    }

    @Test
    void aFailureCanWaitForReadsTooButEndingAJobNowTakesNoReads() {
        mine.script().endNextJobs(1, JobEnding.failed("E1", "Late").afterReads(1));
        SimulatedJob job = submit(mine, "A harbour");

        assertEquals(SimulatedStatus.FAILED, jobs.read(mine, job.id(), SETTINGS).orElseThrow().status(jobs.now()));
        assertThrows(IllegalArgumentException.class,
                () -> jobs.end(mine, job.id(), JobEnding.completed().afterReads(2), SETTINGS));
    }
}
