package io.github.pictory4j.images.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The bodies Pictory answers with, member for member, built with JSON-P. */
public final class PictoryJson {

    /** The code Pictory's own helper reports for an unknown job. */
    public static final String JOB_NOT_FOUND_CODE = "5000";
    public static final String JOB_NOT_FOUND = "JOB_NOT_FOUND";
    public static final String FAILED_CODE = "IMAGE_GENERATION_FAILED";
    public static final String NOT_FINISHED_CODE = "JOB_NOT_FINISHED";

    /** ISO-8601 in UTC to the millisecond, as JavaScript's {@code toISOString()} writes dates. */
    private static final DateTimeFormatter CREATED_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private PictoryJson() {
    }

    public static Response response(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    public static Response ok(JsonObject body) {
        return response(200, body);
    }

    /** {@code POST /v1/aistudio/images}: {@code {"success":true,"data":{"jobId":"…"}}}. */
    public static JsonObject created(String jobId) {
        return Json.createObjectBuilder().add("success", true)
                .add("data", Json.createObjectBuilder().add("jobId", jobId)).build();
    }

    /** {@code GET /v1/jobs/{jobId}} at {@code now}; also what a webhook receives. */
    public static JsonObject job(SimulatedJob job, Instant now) {
        SimulatedStatus status = job.status(now);
        JsonObjectBuilder data = Json.createObjectBuilder().add("status", status.value());
        if (status == SimulatedStatus.COMPLETED) {
            ImageSize size = job.size();
            data.add("url", job.imageUrl().toString())
                    .add("width", size.width())
                    .add("height", size.height())
                    .add("aiCreditsUsed", job.order().credits());
        } else if (status == SimulatedStatus.FAILED) {
            // Pictory may leave either out; a test can script a failure without them.
            if (job.ending().errorCode() != null) {
                data.add("error_code", job.ending().errorCode());
            }
            if (job.ending().errorMessage() != null) {
                data.add("error_message", job.ending().errorMessage());
            }
        }
        return Json.createObjectBuilder()
                .add("job_id", job.id())
                .add("success", status != SimulatedStatus.FAILED)
                .add("data", data)
                .build();
    }

    /** {@code DELETE /v1/jobs/{jobId}/clean}: {@code {"success":true}}. */
    public static JsonObject cleaned() {
        return Json.createObjectBuilder().add("success", true).build();
    }

    /** 404 for an unknown job: the "Job not found" message and the code Pictory's helper reports. */
    public static JsonObject jobNotFound() {
        return error(JOB_NOT_FOUND_CODE, JOB_NOT_FOUND, "Job not found");
    }

    /** 400 for cleaning a job that is still running: Pictory cleans only finished jobs. */
    public static JsonObject notFinished() {
        return error(NOT_FINISHED_CODE, "Only finished jobs can be cleaned", "Job is still in progress");
    }

    /** 401: {@code {"message":"Unauthorized"}}. */
    public static JsonObject unauthorized() {
        return message("Unauthorized");
    }

    public static JsonObject disabled() {
        return message("Not found: the Pictory simulator is off (set pictory.simulator.enabled=true)");
    }

    public static JsonObject imageNotFound() {
        return message("Image not found");
    }

    /** 400: {@code {"code":"INVALID_REQUEST_BODY","message":"…","fields":[{"name","errors"}]}}. */
    public static JsonObject invalid(InvalidRequestException invalid) {
        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (InvalidField field : invalid.fields()) {
            fields.add(Json.createObjectBuilder().add("name", field.name()).add("errors", field.errors()));
        }
        return Json.createObjectBuilder()
                .add("code", invalid.code())
                .add("message", invalid.getMessage())
                .add("fields", fields)
                .build();
    }

    /** {@code GET /v1/aistudio/images}: items and, except on the last page, the next page's key; no envelope. */
    public static JsonObject page(List<SimulatedJob> items, String nextPageKey) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(job -> array.add(item(job)));
        JsonObjectBuilder page = Json.createObjectBuilder().add("items", array);
        if (nextPageKey != null) {
            page.add("nextPageKey", nextPageKey);
        }
        return page.build();
    }

    private static JsonObjectBuilder item(SimulatedJob job) {
        ImageOrder order = job.order();
        ImageSize size = job.size();
        JsonObjectBuilder item = Json.createObjectBuilder()
                .add("id", job.id())
                .add("url", job.imageUrl().toString())
                .add("prompt", order.prompt())
                .add("aspectRatio", order.aspectRatio())
                .add("model", order.model().name())
                .add("width", size.width())
                .add("height", size.height());
        if (order.style() != null) {
            item.add("style", order.style());
        }
        if (order.referenceImageUrl() != null) {
            item.add("referenceImageUrl", order.referenceImageUrl());
        }
        return item.add("createdDate", CREATED_DATE.format(job.createdAt()));
    }

    private static JsonObject error(String code, String errorMessage, String message) {
        return Json.createObjectBuilder()
                .add("success", false)
                .add("error", Json.createObjectBuilder().add("error_code", code).add("error_message", errorMessage))
                .add("message", message)
                .build();
    }

    private static JsonObject message(String message) {
        return Json.createObjectBuilder().add("message", message).build();
    }
}
