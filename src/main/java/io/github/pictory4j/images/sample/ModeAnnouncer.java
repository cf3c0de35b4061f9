package io.github.pictory4j.images.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Logger;

/** Says at startup, in one line, which mode is on and where requests go (never the key). */
@ApplicationScoped
public class ModeAnnouncer {

    private static final Logger LOG = Logger.getLogger(ModeAnnouncer.class.getName());

    @Inject
    Config config;

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(line(SampleMode.of(config), SampleMode.baseUrl(config)));
    }

    /** The startup line; the mode is the one the app's client follows (see {@link SampleConfigSource}). */
    static String line(SampleMode mode, String baseUrl) {
        return mode == SampleMode.SIMULATOR
                ? "pictory4j sample: SIMULATOR mode (no pictory.api-key / PICTORY_API_KEY set): Pictory requests go to"
                        + " the embedded simulator at " + baseUrl + "; set PICTORY_API_KEY to use the real Pictory"
                : "pictory4j sample: PICTORY mode (pictory.api-key set): Pictory requests go to " + baseUrl;
    }
}
