package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.FieldError;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImagePage;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.PictoryAuthenticationException;
import io.github.pictory4j.images.client.PictoryBadRequestException;
import io.github.pictory4j.images.client.PictoryNotFoundException;
import io.github.pictory4j.images.client.PictoryRateLimitException;
import io.github.pictory4j.images.client.PictoryResponseFormatException;
import io.github.pictory4j.images.client.PictoryServerException;
import io.github.pictory4j.images.client.PictoryServiceException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that decides what a Pictory answer means: error statuses with either of Pictory's
 * error shapes ({@code {"code","message","fields"}} and {@code {"success":false,"error":{…}}}), the
 * same older envelope inside a 200, and the success bodies of the four endpoints. {@code JOB_NOT_FOUND}
 * means "no such job" whether it comes as the code or the message, under any status.
 */
public final class ResponseDecoder {

    public static final String JOB_NOT_FOUND = "JOB_NOT_FOUND";
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final Clock clock;

    /** @param clock the time an HTTP-date {@code Retry-After} is measured from */
    public ResponseDecoder(Clock clock) {
        this.clock = clock;
    }

    /** What an error status (400 and above) means, from its body and {@code Retry-After} header. */
    public PictoryServiceException error(int status, String retryAfterHeader, String body) {
        ErrorBody error = ErrorBody.read(body);
        Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock).orElse(null);
        String detail = error.describe();
        if (status == 401 || status == 403) {
            return new PictoryAuthenticationException(status, error.code, "Pictory refused the API key (" + status
                    + ")" + detail + "; check pictory.api-key (env PICTORY_API_KEY)");
        }
        if (status == 404 || isJobNotFound(error.code, error.message)) {
            return new PictoryNotFoundException(status, error.code, "Pictory has no such job (" + status + ")" + detail);
        }
        if (status == 400) {
            return new PictoryBadRequestException(error.code, "Pictory rejected the request (400)" + detail, error.fields);
        }
        if (status == 429) {
            return new PictoryRateLimitException(error.code, "Pictory is rate limiting this client (429)" + detail,
                    retryAfter);
        }
        if (status >= 500) {
            return new PictoryServerException(status, error.code, "Pictory failed (" + status + ")" + detail, retryAfter);
        }
        return new PictoryServiceException(status, error.code, "Pictory answered " + status + detail);
    }

    /** The id of the job a submission ({@code operation}, "Submitting an image job") created. */
    public String jobId(String operation, CreateJobResponse response) {
        if (response != null && response.data() != null && notBlank(response.data().jobId())) {
            return response.data().jobId();
        }
        if (response != null && response.error() != null) {
            throw refusal(operation, response.error());
        }
        throw new PictoryResponseFormatException(operation + ": Pictory's answer has no data.jobId", null);
    }

    /** The job a read answered; {@code requestedId} stands in when the answer has no {@code job_id}. */
    public ImageJob job(String requestedId, JobResponse response) {
        if (response == null || response.data() == null) {
            ErrorDetail error = response == null ? null : response.error();
            if (error != null) {
                throw refusal("Reading job " + requestedId, error);
            }
            throw new PictoryResponseFormatException("Reading job " + requestedId + ": Pictory's answer has no data", null);
        }
        JobData data = response.data();
        if (data.status() == null) {
            throw new PictoryResponseFormatException("Reading job " + requestedId + ": Pictory's answer has no status", null);
        }
        String jobId = notBlank(response.jobId()) ? response.jobId() : requestedId;
        return new ImageJob(jobId, JobStatus.of(data.status()), data.url(), data.width(), data.height(), data.aiCreditsUsed(),
                data.errorCode(), data.errorMessage());
    }

    /** Checks a clean's answer: {@code success:false} is a refusal. */
    public void cleaned(String jobId, CleanJobResponse response) {
        if (response != null && Boolean.FALSE.equals(response.success())) {
            throw refusal("Cleaning job " + jobId, response.error());
        }
    }

    /** Checks a listing's answer: it has no envelope, but it must be there. */
    public ImagePage page(ImagesPageBody page) {
        if (page == null) {
            throw new PictoryResponseFormatException("Listing images: Pictory answered with an empty body", null);
        }
        return page.toPage();
    }

    /** Pictory's helper reports an unknown job as {@code error_code "5000"}, {@code error_message "JOB_NOT_FOUND"}. */
    static boolean isJobNotFound(String code, String message) {
        return JOB_NOT_FOUND.equals(code) || JOB_NOT_FOUND.equals(message);
    }

    /** {@code success:false} inside a 2xx answer: not found when it says so, else a refusal with Pictory's code. */
    private static PictoryServiceException refusal(String operation, ErrorDetail error) {
        String code = error == null ? null : error.errorCode();
        String message = error == null ? null : error.errorMessage();
        String detail = (code == null ? "" : " [" + code + "]") + (message == null ? "" : ": " + message);
        if (isJobNotFound(code, message)) {
            return new PictoryNotFoundException(200, code, operation + ": Pictory has no such job" + detail);
        }
        return new PictoryServiceException(200, code, operation + ": Pictory answered success=false" + detail);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** What an error body says, whichever of Pictory's shapes it has. */
    static final class ErrorBody {
        final String code;
        final String message;
        final List<FieldError> fields;
        final String raw;

        private ErrorBody(String code, String message, List<FieldError> fields, String raw) {
            this.code = code;
            this.message = message;
            this.fields = fields;
            this.raw = raw;
        }

        static ErrorBody read(String raw) {
            JsonObject json = parseObject(raw);
            if (json == null) {
                return new ErrorBody(null, null, List.of(), raw);
            }
            String code = text(json, "code");
            String message = text(json, "message");
            for (String envelope : List.of("error", "data")) {
                if (json.get(envelope) instanceof JsonObject inner) {
                    code = code != null ? code : text(inner, "error_code");
                    message = message != null ? message : text(inner, "error_message");
                }
            }
            return new ErrorBody(code, message, fields(json), raw);
        }

        /** A suffix for the exception message: Pictory's words, or the start of a non-JSON body. */
        String describe() {
            StringBuilder out = new StringBuilder();
            if (code != null) {
                out.append(" [").append(code).append(']');
            }
            if (message != null) {
                out.append(": ").append(message);
            }
            if (!fields.isEmpty()) {
                out.append(fields.stream().map(f -> f.name() + " " + f.errors())
                        .collect(Collectors.joining("; ", " (", ")")));
            }
            if (code == null && message == null && raw != null && !raw.isBlank()) {
                String oneLine = raw.replaceAll("\\s+", " ").trim();
                out.append(": body was not Pictory's JSON: ").append(oneLine.length() > MAX_BODY_IN_MESSAGE
                        ? oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…" : oneLine);
            }
            return out.toString();
        }

        private static JsonObject parseObject(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new StringReader(raw))) {
                JsonValue value = reader.readValue();
                return value instanceof JsonObject object ? object : null;
            } catch (JsonException | IllegalStateException notJson) {
                return null;
            }
        }

        private static List<FieldError> fields(JsonObject json) {
            if (!(json.get("fields") instanceof JsonArray array)) {
                return List.of();
            }
            List<FieldError> fields = new ArrayList<>();
            for (JsonValue item : array) {
                if (item instanceof JsonObject field) {
                    fields.add(new FieldError(text(field, "name"), text(field, "errors")));
                }
            }
            return fields;
        }

        /** A member as text, whether Pictory sent a string, a number or a list of strings. */
        private static String text(JsonObject json, String name) {
            JsonValue value = json.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value instanceof JsonString string) {
                return string.getString();
            }
            if (value instanceof JsonArray array) {
                return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                        .collect(Collectors.joining("; "));
            }
            return value.toString();
        }
    }
}
