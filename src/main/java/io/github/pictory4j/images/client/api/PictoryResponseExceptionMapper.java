package io.github.pictory4j.images.client.api;

import io.github.pictory4j.images.client.FieldError;
import io.github.pictory4j.images.client.PictoryAuthenticationException;
import io.github.pictory4j.images.client.PictoryBadRequestException;
import io.github.pictory4j.images.client.PictoryNotFoundException;
import io.github.pictory4j.images.client.PictoryRateLimitException;
import io.github.pictory4j.images.client.PictoryServerException;
import io.github.pictory4j.images.client.PictoryServiceException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns Pictory's error answers (status 400 and above) into the library's exception hierarchy.
 * Reads both of Pictory's error shapes ({@code {"code","message","fields"}} and
 * {@code {"success":false,"error":{"error_code","error_message"}}}) and copes with bodies that are
 * not JSON at all, such as a proxy's HTML page.
 */
public class PictoryResponseExceptionMapper implements ResponseExceptionMapper<PictoryServiceException> {

    private static final int MAX_BODY_IN_MESSAGE = 200;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public PictoryServiceException toThrowable(Response response) {
        int status = response.getStatus();
        ErrorBody body = ErrorBody.read(readBody(response));
        Duration retryAfter = RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), Clock.systemUTC())
                .orElse(null);
        String detail = body.describe();
        if (status == 401 || status == 403) {
            return new PictoryAuthenticationException(status, body.code, "Pictory refused the API key (" + status
                    + ")" + detail + "; check pictory.api-key (env PICTORY_API_KEY)");
        }
        if (status == 404 || body.saysJobNotFound()) {
            return new PictoryNotFoundException(status, body.code, "Pictory has no such job (" + status + ")" + detail);
        }
        if (status == 400) {
            return new PictoryBadRequestException(body.code,
                    "Pictory rejected the request (400)" + detail, body.fields);
        }
        if (status == 429) {
            return new PictoryRateLimitException(body.code, "Pictory is rate limiting this client (429)" + detail,
                    retryAfter);
        }
        if (status >= 500) {
            return new PictoryServerException(status, body.code, "Pictory failed (" + status + ")" + detail, retryAfter);
        }
        return new PictoryServiceException(status, body.code, "Pictory answered " + status + detail);
    }

    private static String readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (ProcessingException | IllegalStateException unreadable) {
            return "";
        }
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
            if (json.get("error") instanceof JsonObject error) {
                code = code != null ? code : text(error, "error_code");
                message = message != null ? message : text(error, "error_message");
            }
            if (json.get("data") instanceof JsonObject data) {
                code = code != null ? code : text(data, "error_code");
                message = message != null ? message : text(data, "error_message");
            }
            return new ErrorBody(code, message, fields(json), raw);
        }

        boolean saysJobNotFound() {
            return "JOB_NOT_FOUND".equals(message) || "JOB_NOT_FOUND".equals(code);
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
                out.append(": body was not Pictory's JSON: ")
                        .append(oneLine.length() > MAX_BODY_IN_MESSAGE ? oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "…" : oneLine);
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
            if (!(json.get("fields") instanceof jakarta.json.JsonArray array)) {
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
            if (value instanceof jakarta.json.JsonArray array) {
                return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                        .collect(Collectors.joining("; "));
            }
            return value.toString();
        }
    }
}
