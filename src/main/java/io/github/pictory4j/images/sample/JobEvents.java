package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageJobEndSeen;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.JobRecord;
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
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /api/events}: Server-Sent Events that push each job the moment this instance learns that
 * it ended (event {@code job}, data: the job as {@code GET /api/images/{id}} shows it), so that the page
 * need not poll. Each stream hears only of the jobs its caller may see (their own; an admin's, every job).
 * It listens to {@link ImageJobEndSeen}, which every instance fires, not to the once-only end events: with
 * several instances, a browser on any of them hears of every end.
 */
@Path("/events")
@ApplicationScoped
public class JobEvents {

    @Inject
    ImageService images;

    @Inject
    EventLedger ledger;

    @Inject
    Caller caller;

    /** An open stream and whose it is. */
    private record Subscriber(SseEventSink sink, Sse sse, String user, boolean admin) {
        boolean maySee(JobRecord job) {
            return admin || Caller.owns(user, job);
        }
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The caller's jobs as they end (Server-Sent Events, event name \"job\"); an admin's stream has every job")
    public void subscribe(@Context SseEventSink sink, @Context Sse context) {
        subscribers.add(new Subscriber(sink, context, caller.name().orElse(null), caller.admin()));
        sink.send(context.newEventBuilder().name("ready").data("{}").build());
    }

    /** How many end events each job fired, counted by the sample's observer in its own table (see {@link EventLedger}). */
    @GET
    @Path("/ledger")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "End events received, per job and per instance (each job's should be exactly one); admin only")
    public Map<String, Map<String, Integer>> ledger() {
        return Map.of("jobs", ledger.counts(), "instances", ledger.byInstance());
    }

    void ended(@Observes ImageJobEndSeen event) {
        subscribers.removeIf(subscriber -> subscriber.sink().isClosed());
        if (subscribers.isEmpty()) {
            return;
        }
        images.job(event.job().jobId()).ifPresent(record -> {
            JobView view = JobView.of(record);
            for (Subscriber subscriber : subscribers) {
                if (subscriber.maySee(record)) {
                    OutboundSseEvent pushed = subscriber.sse().newEventBuilder().name("job")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(JobView.class, view).build();
                    subscriber.sink().send(pushed).exceptionally(gone -> {
                        subscribers.remove(subscriber); // the browser went away
                        return null;
                    });
                }
            }
        });
    }

    /** Ends every open stream, so that the server can stop without waiting for browsers to hang up. */
    @PreDestroy
    void close() {
        for (Subscriber subscriber : subscribers) {
            subscriber.sink().close();
        }
        subscribers.clear();
    }
}
