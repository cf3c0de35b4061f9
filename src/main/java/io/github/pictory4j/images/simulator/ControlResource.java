package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.ControlJson;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.WebhookPlan;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The control API, {@code /simulator-control}: commands that script the simulator (faults, job
 * durations and endings, webhooks, reset) and reads of what it received (the requests, a job's reads
 * and webhook calls). It is the simulator's own, beside Pictory's paths; it needs the simulator's key
 * and answers 404 while the simulator is off, like the rest.
 * {@link io.github.pictory4j.images.simulator.control.SimulatorControl} calls it from a test. A command
 * answers 204; a body it cannot use, 400 with a message that names the member and what to write.
 */
@Path("/simulator-control")
@RequestScoped
public class ControlResource {

    private static final String ENDING_EXAMPLE = "{\"status\":\"failed\",\"errorCode\":\"E1\",\"errorMessage\":\"…\"}";

    /** A command: {@code POST /simulator-control/{name}} with a body like {@code example}. */
    private record Command(String example, Consumer<JsonObject> action) {
    }

    @Inject
    SimulatorGate gate;

    @Inject
    ScriptedFaults faults;

    @Inject
    SimulatorScript script;

    @Inject
    RequestLog requests;

    @Inject
    SimulatedJobs jobs;

    /** Runs command {@code name} for a caller with the key. */
    @POST
    @Path("{command}")
    public Response command(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("command") String name, String body) {
        return gate.forInspection(authorization, settings -> {
            Command command = commands().get(name);
            if (command == null) {
                return PictoryJson.response(404, ControlJson.problem("No command " + name + ": the commands are "
                        + String.join(", ", commands().keySet())));
            }
            return read(body, command.example(), json -> {
                command.action().accept(json);
                return Response.noContent().build();
            });
        });
    }

    /** {@code POST /simulator-control/jobs/{jobId}/end}: the job ends as the body says, now if it is in progress. */
    @POST
    @Path("jobs/{jobId}/end")
    public Response endJob(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("jobId") String jobId, String body) {
        return gate.forInspection(authorization, settings -> read(body, ENDING_EXAMPLE, json ->
                jobs.end(jobId, JobEnding.fromJson(json), settings)
                        .map(ended -> Response.noContent().build())
                        .orElseGet(() -> PictoryJson.response(404, PictoryJson.jobNotFound()))));
    }

    /** {@code {"requests":[…]}}: what the Pictory endpoints received, oldest first. */
    @GET
    @Path("requests")
    public Response requests(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return gate.forInspection(authorization, settings -> {
            JsonArrayBuilder all = Json.createArrayBuilder();
            requests.all().forEach(request -> all.add(request.toJson()));
            return PictoryJson.ok(Json.createObjectBuilder().add("requests", all).build());
        });
    }

    /** A job's reads and webhook calls. */
    @GET
    @Path("jobs/{jobId}")
    public Response job(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("jobId") String jobId) {
        return gate.forInspection(authorization, settings -> jobs.traffic(jobId)
                .map(traffic -> PictoryJson.ok(traffic.toJson()))
                .orElseGet(() -> PictoryJson.response(404, PictoryJson.jobNotFound())));
    }

    private Map<String, Command> commands() {
        return Map.of(
                "faults", new Command("{\"endpoint\":\"submit\",\"times\":1,\"status\":503}", json ->
                        faults.add(ControlJson.endpoint(json), ControlJson.times(json), Fault.fromJson(json))),
                "job-duration", new Command("{\"millis\":1500}", json -> script.jobDuration(ControlJson.jobDuration(json))),
                "next-jobs", new Command(ENDING_EXAMPLE, json ->
                        script.endNextJobs(ControlJson.times(json), JobEnding.fromJson(json))),
                "webhooks", new Command("{\"calls\":2,\"delayMillis\":0}", json -> script.webhookPlan(WebhookPlan.fromJson(json))),
                "reset", new Command("{}", json -> reset()));
    }

    /** Back to the configuration: no faults, no script, no jobs, no recorded requests, the count at 0. */
    private void reset() {
        faults.clear();
        script.clear();
        requests.clear();
        jobs.clear();
        gate.resetCount();
    }

    /** Runs {@code action} on the body; a body it cannot use is a 400 that says what to write. */
    private static Response read(String body, String example, Function<JsonObject, Response> action) {
        try {
            return action.apply(ControlJson.body(body, example));
        } catch (IllegalArgumentException unusable) {
            return PictoryJson.response(400, ControlJson.problem(unusable.getMessage()));
        }
    }
}
