package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.simulator.control.Fault;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Serves a scripted {@link Fault}: what the client gets instead of Pictory's answer. */
final class FaultResponses {

    private static final Logger LOG = Logger.getLogger(FaultResponses.class.getName());

    /** The body length a reset announces and never sends. */
    static final int RESET_ANNOUNCED_LENGTH = 1024;

    private FaultResponses() {
    }

    /**
     * Waits the fault's delay, then acts.
     *
     * @param normal the answer Pictory would give, for a {@link Fault.Kind#DELAY}
     * @return the answer, or null for a {@link Fault.Kind#RESET}: the response is then already committed
     *         and the connection closes, so JAX-RS must add nothing to it
     */
    static Response serve(Fault fault, IncomingCall call, Supplier<Response> normal) {
        pause(fault.delay());
        return switch (fault.kind()) {
            case ANSWER -> answer(fault);
            case RESET -> reset(call.response());
            case DELAY -> normal.get();
        };
    }

    private static Response answer(Fault fault) {
        Response.ResponseBuilder answer = Response.status(fault.status()).type(fault.contentType()).entity(fault.body());
        fault.headers().forEach(answer::header);
        return answer.build();
    }

    /**
     * Measured on Open Liberty with the module's client: a servlet's output is buffered, so a short body
     * written and flushed is still sent whole, with its real length (the client reads malformed JSON, not
     * a broken connection). Committing the status line and headers with a {@code Content-Length} and
     * ending without the body makes the server close the connection, and the client's read fails
     * ("Premature end of Content-Length delimited message body"). A servlet cannot send a TCP reset
     * itself; for a client, a connection that breaks while the answer is read looks the same. Over
     * HTTP/2 (a client that upgraded to h2c) Open Liberty ends the stream normally instead: the client
     * gets the headers and no body. JAX-RS's own status for the resource's null answer is dropped by
     * {@link AfterResetFilter}.
     */
    private static Response reset(HttpServletResponse response) {
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setContentLength(RESET_ANNOUNCED_LENGTH);
        try {
            response.flushBuffer();
        } catch (IOException gone) {
            LOG.log(Level.FINE, "The client left before a scripted reset", gone);
        }
        return null;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // the server is stopping: act at once
        }
    }
}
