package io.github.pictory4j.images.it;

import io.github.pictory4j.images.client.ImageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Starts asynchronous waits that will not end by themselves, and writes how each one ends to a file
 * outside the app, so that a test can read the outcomes after the app has stopped.
 */
@jakarta.ws.rs.Path("pending")
@ApplicationScoped
public class PendingWaits {

    @Inject
    ImageService images;

    @Inject
    @ConfigProperty(name = "probe.outcomes.file")
    String outcomesFile;

    @POST
    @jakarta.ws.rs.Path("{jobId}")
    public String start(@PathParam("jobId") String jobId) {
        images.awaitJobAsync(jobId).whenComplete((job, failure) -> record(jobId + " | "
                + (failure == null ? "completed" : failure.getClass().getSimpleName() + " | " + failure.getMessage())));
        return "waiting";
    }

    private synchronized void record(String line) {
        try {
            Files.writeString(java.nio.file.Path.of(outcomesFile), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
