package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageJobCompleted;
import io.github.pictory4j.images.client.ImageJobFailed;
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

/**
 * {@code GET /api/events}: Server-Sent Events that push each job of this app the moment it ends
 * (event {@code job}, data: the job as {@code GET /api/images/{id}} shows it), so that the page need
 * not poll. The module's end-of-job events feed it, from webhook callbacks or polls alike.
 */
@Path("/events")
@ApplicationScoped
public class JobEvents {

    @Inject
    JobHistory history;

    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Jobs of this app as they end (Server-Sent Events, event name \"job\")")
    public void subscribe(@Context SseEventSink sink, @Context Sse context) {
        broadcaster(context).register(sink);
        sink.send(context.newEventBuilder().name("ready").data("{}").build());
    }

    void completed(@Observes ImageJobCompleted event) {
        publish(event.job());
    }

    void failed(@Observes ImageJobFailed event) {
        publish(event.job());
    }

    private void publish(ImageJob job) {
        history.update(job.jobId(), job).ifPresent(updated -> {
            Sse context = sse;
            if (context != null) {
                OutboundSseEvent event = context.newEventBuilder().name("job").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(JobView.class, JobView.of(updated)).build();
                broadcaster.broadcast(event);
            }
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
