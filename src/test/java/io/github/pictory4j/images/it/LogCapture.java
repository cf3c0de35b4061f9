package io.github.pictory4j.images.it;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record the server's JVM produces while the probe runs (message, parameters,
 * stack traces), so that a test can check that no secret was ever logged.
 */
@Path("logs")
@ApplicationScoped
public class LogCapture {

    private static final int LIMIT = 50_000;
    private final List<String> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder().append(record.getLoggerName()).append(' ')
                    .append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(" | ").append(parameter);
                }
            }
            try {
                text.append(" | ").append(formatter.formatMessage(record));
            } catch (RuntimeException unformattable) {
                // the raw message and parameters are kept above
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            synchronized (records) {
                if (records.size() < LIMIT) {
                    records.add(text.toString());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    @PreDestroy
    void stop() {
        Logger.getLogger("").removeHandler(handler);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String all() {
        synchronized (records) {
            return records.size() + " records\n" + String.join("\n", records);
        }
    }
}
