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
        String baseUrl = SampleMode.baseUrl(config);
        if (SampleMode.detect() == SampleMode.SIMULATOR) {
            LOG.info("pictory4j sample: SIMULATOR mode (no PICTORY_API_KEY set): Pictory requests go to the embedded"
                    + " simulator at " + baseUrl + "; set PICTORY_API_KEY to use the real Pictory");
        } else {
            LOG.info("pictory4j sample: PICTORY mode (PICTORY_API_KEY set): Pictory requests go to " + baseUrl);
        }
    }
}
