package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.JobEnding;
import io.github.pictory4j.images.simulator.control.WebhookPlan;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PictoryJsonTest {

    private static final SimulatedJob JOB = Jobs.job("job-1", 0, "A lighthouse at dawn");

    @Test
    void jobsInEachState() {
        assertEquals("{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"in-progress\"}}",
                PictoryJson.job(JOB, Jobs.T0).toString());
        assertEquals("{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"completed\","
                        + "\"url\":\"http://localhost/images/job-1.png\",\"width\":1024,\"height\":1024,\"aiCreditsUsed\":2}}",
                PictoryJson.job(JOB, Jobs.T0.plusSeconds(3)).toString());
        assertEquals("{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"cleaned\"}}",
                PictoryJson.job(JOB.asCleaned(), Jobs.T0.plusSeconds(3)).toString());

        SimulatedJob failing = Jobs.job("job-2", 0, "A lighthouse [fail]");
        JsonObject failed = PictoryJson.job(failing, Jobs.T0.plusSeconds(3));
        assertFalse(failed.getBoolean("success"));
        assertEquals("failed", failed.getJsonObject("data").getString("status"));
        assertEquals(PictoryJson.FAILED_CODE, failed.getJsonObject("data").getString("error_code"));
        assertFalse(failed.getJsonObject("data").getString("error_message").isBlank());
    }

    @Test
    void aScriptedFailureCarriesItsCodeAndMessageOrNeither() {
        SimulatedJob base = Jobs.job("job-5", 0, "A lighthouse at dawn");
        SimulatedJob withCode = new SimulatedJob(base.id(), 0, base.order(), base.createdAt(), base.finishesAt(),
                base.imageUrl(), JobEnding.failed("CONTENT_POLICY", "Refused"), WebhookPlan.NORMAL, false);
        SimulatedJob bare = new SimulatedJob(base.id(), 0, base.order(), base.createdAt(), base.finishesAt(),
                base.imageUrl(), JobEnding.failed(null, null), WebhookPlan.NORMAL, false);

        assertEquals("{\"job_id\":\"job-5\",\"success\":false,\"data\":{\"status\":\"failed\","
                        + "\"error_code\":\"CONTENT_POLICY\",\"error_message\":\"Refused\"}}",
                PictoryJson.job(withCode, Jobs.T0.plusSeconds(3)).toString());
        assertEquals("{\"job_id\":\"job-5\",\"success\":false,\"data\":{\"status\":\"failed\"}}",
                PictoryJson.job(bare, Jobs.T0.plusSeconds(3)).toString());
    }

    @Test
    void creditsAreTheModelsPrice() {
        SimulatedJob flux = new SimulatedJob("job-3", 0, new ImageOrder("A red bicycle",
                PictoryCatalog.model("flux-schnell").orElseThrow(), "16:9", null, null, null), Jobs.T0, Jobs.T0, URI.create("http://h/x.png"), false);

        JsonObject data = PictoryJson.job(flux, Jobs.T0).getJsonObject("data");

        assertEquals(new BigDecimal("0.6"), data.getJsonNumber("aiCreditsUsed").bigDecimalValue());
        assertEquals(576, data.getInt("height"));
    }

    @Test
    void errorShapes() {
        assertEquals("{\"success\":false,\"error\":{\"error_code\":\"5000\",\"error_message\":\"JOB_NOT_FOUND\"},"
                + "\"message\":\"Job not found\"}", PictoryJson.jobNotFound().toString());
        assertEquals("{\"message\":\"Unauthorized\"}", PictoryJson.unauthorized().toString());
        assertEquals("{\"code\":\"INVALID_REQUEST_BODY\",\"message\":\"Invalid request body: prompt\","
                        + "\"fields\":[{\"name\":\"prompt\",\"errors\":\"is required\"}]}",
                PictoryJson.invalid(new InvalidRequestException(InvalidRequestException.INVALID_BODY,
                        "Invalid request body: prompt", List.of(new InvalidField("prompt", "is required")))).toString());
    }

    @Test
    void listedImagesOmitAbsentOptionalFieldsAndTheLastPagesKey() {
        SimulatedJob styled = new SimulatedJob("job-4", 1, new ImageOrder("A red bicycle",
                PictoryCatalog.model("nanobanana").orElseThrow(), "9:16", "cartoon", "https://example.com/ref.png",
                "https://example.com/hook"),
                Jobs.T0, Jobs.T0, URI.create("http://h/job-4.png"), false);

        assertEquals("{\"items\":[{\"id\":\"job-4\",\"url\":\"http://h/job-4.png\",\"prompt\":\"A red bicycle\","
                        + "\"aspectRatio\":\"9:16\",\"model\":\"nanobanana\",\"width\":576,\"height\":1024,\"style\":\"cartoon\","
                        + "\"referenceImageUrl\":\"https://example.com/ref.png\",\"createdDate\":\"2025-06-01T10:00:00.000Z\"},"
                        + "{\"id\":\"job-1\",\"url\":\"http://localhost/images/job-1.png\",\"prompt\":\"A lighthouse at dawn\","
                        + "\"aspectRatio\":\"1:1\",\"model\":\"seedream3.0\",\"width\":1024,\"height\":1024,"
                        + "\"createdDate\":\"2025-06-01T10:00:00.000Z\"}]}",
                PictoryJson.page(List.of(styled, JOB), null).toString());
        assertEquals("{\"items\":[],\"nextPageKey\":\"k\"}", PictoryJson.page(List.of(), "k").toString());
    }
}
