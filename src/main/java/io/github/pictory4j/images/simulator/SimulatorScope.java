package io.github.pictory4j.images.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One test's share of the simulator: its scripted faults, its script (job duration, endings, webhook
 * plan), the requests it received and how many. Requests and control calls carrying a scope's key act on
 * that scope alone, so that tests sharing one simulator never see each other's faults, jobs or records.
 * The configured key's scope is {@link #DEFAULT_ID}; the others are issued by {@link SimulatorScopes}.
 * It never holds a key: its {@link #id()} is a name that can be logged.
 */
public final class SimulatorScope {

    /** The id of the scope of the simulator's configured key. */
    public static final String DEFAULT_ID = "default";

    private final String id;
    private final ScriptedFaults faults = new ScriptedFaults();
    private final SimulatorScript script = new SimulatorScript();
    private final RequestLog requests = new RequestLog();
    private final AtomicLong apiRequests = new AtomicLong();

    public SimulatorScope(String id) {
        this.id = id;
    }

    /** Which scope it is: {@link #DEFAULT_ID} or {@code scope-<n>}; what its jobs are owned by. */
    public String id() {
        return id;
    }

    public ScriptedFaults faults() {
        return faults;
    }

    public SimulatorScript script() {
        return script;
    }

    public RequestLog requests() {
        return requests;
    }

    /** Counts a request that reached a Pictory API endpoint. */
    public void countApiRequest() {
        apiRequests.incrementAndGet();
    }

    /** How many requests reached the Pictory API endpoints in this scope since it began or was reset. */
    public long apiRequests() {
        return apiRequests.get();
    }

    /** Back to the configuration: no faults, no script, no recorded requests, the count at 0 (its jobs are the job table's). */
    public void clear() {
        faults.clear();
        script.clear();
        requests.clear();
        apiRequests.set(0);
    }

    @Override
    public String toString() {
        return "SimulatorScope[" + id + "]";
    }
}
