package io.github.pictory4j.images.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Logger;

/**
 * Says at startup which mode is on and where requests go (never the key), and who may sign in. A configured user
 * without a password stops the start here, with the setting to fix (see {@link SampleUsers}).
 */
@ApplicationScoped
public class ModeAnnouncer {

    private static final Logger LOG = Logger.getLogger(ModeAnnouncer.class.getName());

    @Inject
    Config config;

    @Inject
    SampleUsers users;

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(line(SampleMode.of(config), SampleMode.baseUrl(config)));
        LOG.info(signInLine(users.users().keySet(), users.demoUsers()));
    }

    /** Who may sign in, for the log: names only. */
    static String signInLine(java.util.Set<String> everyone, java.util.List<String> demo) {
        String configured = everyone.stream().filter(name -> !demo.contains(name)).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        String demoPart = demo.isEmpty()
                ? "no demo users (they exist only while HTTP_HOST is localhost)"
                : "demo users " + String.join(", ", demo) + " (password " + SampleUsers.DEMO_PASSWORD
                        + "; only while HTTP_HOST is localhost)";
        return "pictory4j sample: sign in as " + demoPart + (configured.isEmpty() ? "; no users in "
                + SampleUsers.USERS : "; users of " + SampleUsers.USERS + ": " + configured);
    }

    /** The startup line; the mode is the one the app's client follows (see {@link SampleConfigSource}). */
    static String line(SampleMode mode, String baseUrl) {
        return mode == SampleMode.SIMULATOR
                ? "pictory4j sample: SIMULATOR mode (no pictory.api-key / PICTORY_API_KEY set): Pictory requests go to"
                        + " the embedded simulator at " + baseUrl + "; set PICTORY_API_KEY to use the real Pictory"
                : "pictory4j sample: PICTORY mode (pictory.api-key set): Pictory requests go to " + baseUrl;
    }
}
