package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.ControlJson;
import io.github.pictory4j.images.simulator.control.Fault;
import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.RequestPattern;
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
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The control API, {@code /simulator-control}: commands that script the simulator (faults, job
 * durations and endings, webhooks, reset) and reads of what it received (the requests, a job's reads
 * and webhook calls). It is the simulator's own, beside Pictory's paths; it needs the simulator's key
 * and answers 404 while the simulator is off, like the rest. A call acts on the scope of its key alone
 * ({@link SimulatorScopes}): the configured key's, or one that {@code POST /simulator-control/scopes} issued.
 * {@link io.github.pictory4j.images.simulator.control.SimulatorControl} calls it from a test. A command
 * answers 204; a body it cannot use, 400 with a message that names the member and what to write.
 */
@Path("/simulator-control")
@RequestScoped
public class ControlResource {

    private static final String FAULT_EXAMPLE = "{\"endpoint\":\"get-job\",\"match\":[{\"on\":\"job-id\","
            + "\"kind\":\"equal-to\",\"value\":\"…\"}],\"nth\":1,\"times\":1,\"status\":503}";
    private static final String ENDING_EXAMPLE = "{\"status\":\"failed\",\"errorCode\":\"E1\",\"errorMessage\":\"…\"}";

    /** A command: {@code POST /simulator-control/{name}} with a body like {@code example}. */
    private record Command(String example, BiConsumer<SimulatorScope, JsonObject> action) {
    }

    @Inject
    SimulatorGate gate;

    @Inject
    SimulatorScopes scopes;

    @Inject
    SimulatedJobs jobs;

    /** Runs command {@code name} for a caller with the key. */
    @POST
    @Path("{command}")
    public Response command(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("command") String name, String body) {
        return gate.forInspection(authorization, (settings, scope) -> {
            Command command = commands().get(name);
            if (command == null) {
                return PictoryJson.response(404, ControlJson.problem("No command " + name + ": the commands are "
                        + String.join(", ", commands().keySet())));
            }
            return read(body, command.example(), json -> {
                command.action().accept(scope, json);
                return Response.noContent().build();
            });
        });
    }

    /** {@code POST /simulator-control/jobs/{jobId}/end}: the job ends as the body says, now if it is in progress. */
    @POST
    @Path("jobs/{jobId}/end")
    public Response endJob(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("jobId") String jobId, String body) {
        return gate.forInspection(authorization, (settings, scope) -> read(body, ENDING_EXAMPLE, json ->
                jobs.end(scope, jobId, JobEnding.fromJson(json), settings)
                        .map(ended -> Response.noContent().build())
                        .orElseGet(() -> PictoryJson.response(404, PictoryJson.jobNotFound()))));
    }

    /** {@code {"requests":[…]}}: what the Pictory endpoints received, oldest first. */
    @GET
    @Path("requests")
    public Response requests(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return gate.forInspection(authorization, (settings, scope) -> {
            JsonArrayBuilder all = Json.createArrayBuilder();
            scope.requests().all().forEach(request -> all.add(request.toJson()));
            return PictoryJson.ok(Json.createObjectBuilder().add("requests", all).build());
        });
    }

    /** A job's status, reads and webhook calls. */
    @GET
    @Path("jobs/{jobId}")
    public Response job(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("jobId") String jobId) {
        return gate.forInspection(authorization, (settings, scope) -> jobs.traffic(scope, jobId)
                .map(traffic -> PictoryJson.ok(traffic.toJson()))
                .orElseGet(() -> PictoryJson.response(404, PictoryJson.jobNotFound())));
    }

    /**
     * {@code POST /simulator-control/scopes}: starts a scope of its own for a test, answering its key as
     * {@code {"apiKey":"pictai_scope_…"}}. Any key the simulator accepts may ask.
     */
    @POST
    @Path("scopes")
    public Response newScope(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return gate.forInspection(authorization, (settings, scope) ->
                PictoryJson.ok(Json.createObjectBuilder().add("apiKey", scopes.issue()).build()));
    }

    private Map<String, Command> commands() {
        return Map.of(
                "faults", new Command(FAULT_EXAMPLE, (scope, json) -> scope.faults().add(RequestPattern.fromJson(json),
                        ControlJson.nth(json), ControlJson.times(json), Fault.fromJson(json))),
                "job-duration", new Command("{\"millis\":1500}", (scope, json) ->
                        scope.script().jobDuration(ControlJson.jobDuration(json))),
                "next-jobs", new Command(ENDING_EXAMPLE, (scope, json) ->
                        scope.script().endNextJobs(ControlJson.times(json), JobEnding.fromJson(json))),
                "webhooks", new Command("{\"calls\":2,\"delayMillis\":0}", (scope, json) ->
                        scope.script().webhookPlan(WebhookPlan.fromJson(json))),
                "reset", new Command("{}", (scope, json) -> reset(scope)));
    }

    /** The scope back to the configuration: no faults, no script, no jobs, no recorded requests, the count at 0. */
    private void reset(SimulatorScope scope) {
        scope.clear();
        jobs.clear(scope);
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
