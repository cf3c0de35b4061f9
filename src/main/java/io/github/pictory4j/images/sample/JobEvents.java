package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJobEndSeen;
import io.github.pictory4j.images.client.ImageService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * {@code GET /api/events}: Server-Sent Events that push each job the moment this instance learns that
 * it ended (event {@code job}, data: the job as {@code GET /api/images/{id}} shows it), so that the page
 * need not poll. It listens to {@link ImageJobEndSeen}, which every instance fires, not to the
 * once-only end events: with several instances, a browser on any of them hears of every end.
 */
@Path("/events")
@ApplicationScoped
public class JobEvents {

    @Inject
    ImageService images;

    @Inject
    EventLedger ledger;

    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Jobs as they end (Server-Sent Events, event name \"job\")")
    public void subscribe(@Context SseEventSink sink, @Context Sse context) {
        broadcaster(context).register(sink);
        sink.send(context.newEventBuilder().name("ready").data("{}").build());
    }

    /** How many end events each job fired, counted by the sample's observer in its own table (see {@link EventLedger}). */
    @GET
    @Path("/ledger")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "End events received, per job and per instance (each job's should be exactly one)")
    public Map<String, Map<String, Integer>> ledger() {
        return Map.of("jobs", ledger.counts(), "instances", ledger.byInstance());
    }

    void ended(@Observes ImageJobEndSeen event) {
        Sse context = sse;
        if (context == null) {
            return; // nobody has subscribed yet
        }
        images.job(event.job().jobId()).ifPresent(record -> {
            OutboundSseEvent pushed = context.newEventBuilder().name("job").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(JobView.class, JobView.of(record)).build();
            broadcaster.broadcast(pushed);
        });
    }

    /** Ends every open stream, so that the server can stop without waiting for browsers to hang up. */
    @PreDestroy
    synchronized void close() {
        if (broadcaster != null) {
            broadcaster.close();
        }
    }

    private synchronized SseBroadcaster broadcaster(Sse context) {
        if (broadcaster == null) {
            sse = context;
            broadcaster = context.newBroadcaster();
        }
        return broadcaster;
    }
}
