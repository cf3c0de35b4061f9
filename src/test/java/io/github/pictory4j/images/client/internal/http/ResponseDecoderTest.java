package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.PictoryAuthenticationException;
import io.github.pictory4j.images.client.PictoryBadRequestException;
import io.github.pictory4j.images.client.PictoryNotFoundException;
import io.github.pictory4j.images.client.PictoryRateLimitException;
import io.github.pictory4j.images.client.PictoryResponseFormatException;
import io.github.pictory4j.images.client.PictoryServerException;
import io.github.pictory4j.images.client.PictoryServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one decoder of Pictory's answers: both error envelopes, both JOB_NOT_FOUND forms, under any status. */
class ResponseDecoderTest {

    private final ResponseDecoder decoder =
            new ResponseDecoder(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
            "404 | {\"message\":\"Job not found\"}",
            "404 | <html>not found</html>",
            "400 | {\"success\":false,\"error\":{\"error_code\":\"5000\",\"error_message\":\"JOB_NOT_FOUND\"}}",
            "500 | {\"success\":false,\"error\":{\"error_code\":\"JOB_NOT_FOUND\",\"error_message\":\"gone\"}}",
            "400 | {\"code\":\"JOB_NOT_FOUND\",\"message\":\"no such job\"}",
            "200 | {\"success\":false,\"data\":{\"error_code\":\"5000\",\"error_message\":\"JOB_NOT_FOUND\"}}"})
    void jobNotFoundIsNotFoundWhateverTheStatusAndTheEnvelope(int status, String body) {
        PictoryServiceException e = decoder.error(status, null, body);

        assertInstanceOf(PictoryNotFoundException.class, e, e.getMessage());
        assertEquals(status, e.status());
    }

    @ParameterizedTest(name = "JOB_NOT_FOUND as the {0} of a success=false read")
    @CsvSource({"code, JOB_NOT_FOUND, Job not found", "message, 5000, JOB_NOT_FOUND"})
    void jobNotFoundInsideA200ReadIsNotFoundToo(String where, String code, String message) {
        JobResponse answer = new JobResponse(null, false, null, new ErrorDetail(code, message));

        PictoryNotFoundException e = assertThrows(PictoryNotFoundException.class, () -> decoder.job("job-1", answer));

        assertEquals(200, e.status());
        assertEquals(code, e.errorCode().orElseThrow());
    }

    @Test
    void theStatusesMapToTheirTypes() {
        assertInstanceOf(PictoryAuthenticationException.class, decoder.error(401, null, "{\"message\":\"Unauthorized\"}"));
        assertInstanceOf(PictoryAuthenticationException.class, decoder.error(403, null, "<html>Forbidden</html>"));
        PictoryBadRequestException bad = assertInstanceOf(PictoryBadRequestException.class, decoder.error(400, null,
                "{\"code\":\"INVALID_REQUEST_BODY\",\"message\":\"bad\",\"fields\":[{\"name\":\"prompt\",\"errors\":\"too short\"}]}"));
        assertEquals("prompt", bad.fields().get(0).name());
        PictoryRateLimitException limited = assertInstanceOf(PictoryRateLimitException.class,
                decoder.error(429, "Tue, 24 Nov 2026 10:00:30 GMT", ""));
        assertEquals(Duration.ofSeconds(30), limited.retryAfter().orElseThrow(), "an HTTP date, on the decoder's clock");
        assertInstanceOf(PictoryServerException.class, decoder.error(503, "2", ""));
        assertEquals(418, decoder.error(418, null, "").status());
    }

    @Test
    void aBodyThatIsNotJsonIsDescribedNotThrown() {
        PictoryServiceException e = decoder.error(502, null, "<html><body>Bad gateway</body></html>");

        assertTrue(e.getMessage().contains("body was not Pictory's JSON: <html><body>Bad gateway"), e.getMessage());
    }

    @Test
    void aReadWithoutDataOrStatusIsAFormatError() {
        assertThrows(PictoryResponseFormatException.class, () -> decoder.job("job-1", null));
        assertThrows(PictoryResponseFormatException.class, () -> decoder.job("job-1",
                new JobResponse("job-1", true, new JobData(null, null, null, null, null, null, null), null)));
    }

    @Test
    void aReadWithoutJobIdKeepsTheIdAskedFor() {
        ImageJob job = decoder.job("job-1", new JobResponse(null, true,
                new JobData("queued", null, null, null, null, null, null), null));

        assertEquals("job-1", job.jobId());
        assertEquals("queued", job.status().value());
    }

    @Test
    void aSubmissionAnswerWithoutAJobIdIsAFormatErrorAndTheOlderEnvelopeARefusal() {
        assertThrows(PictoryResponseFormatException.class, () -> decoder.jobId("Submitting an image job", new CreateJobResponse(true, null, null)));
        PictoryServiceException refused = assertThrows(PictoryServiceException.class,
                () -> decoder.jobId("Submitting an image job", new CreateJobResponse(false, null, new ErrorDetail("890", "Insufficient AI credits"))));
        assertEquals("890", refused.errorCode().orElseThrow());
    }
}
