package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.PictorySettings;
import io.github.pictory4j.images.client.StoreSettings;
import io.github.pictory4j.images.config.SimulatorKeys;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sample's defaults, chosen by mode ({@link SampleMode#detect}). In simulator mode (no key anywhere
 * in the configuration) the app's client talks to the embedded simulator with the simulator's key,
 * polls fast and gets webhooks; in Pictory mode this source supplies none of that, so Pictory's base URL
 * and polling guidance apply and the simulator stays off.
 *
 * <p>The mode is decided at each lookup of a mode-dependent property, from the other sources of the
 * app's configuration, so that a key set in any of them (environment, system property, server.xml
 * variable, the app's properties) switches the defaults off, even one added while the app runs.
 *
 * <p>The ordinal (150) is above the jar's {@code microprofile-config.properties} (100) and below
 * environment variables (300), system properties (400) and server.xml variables (500), so any of
 * those still overrides a default set here.
 */
public class SampleConfigSource implements ConfigSource {

    static final String NAME = "pictory4j-sample-defaults";
    static final int ORDINAL = 150;

    /** Where the app listens: MicroProfile Config reads the HTTP_PORT variable server.xml uses too. */
    private static final String LOCAL_APP = "http://localhost:${HTTP_PORT:9080}";
    private static final String RUN_SECRET = randomSecret();
    /**
     * The embedded simulator's key, made per run: the simulator's own API (its recorded requests, every user's
     * prompts among them) is then open to this app's client alone, never to someone who knows the simulator's
     * well-known default. PICTORY_SIMULATOR_API_KEY sets it (above this source), for scripts that read the simulator.
     */
    private static final String RUN_SIMULATOR_KEY = "pictai_simulator_" + randomSecret().substring(0, 24);

    /** The database setting that switches the sample from its embedded H2 to PostgreSQL. */
    static final String DB_URL = "PICTORY_DB_URL";
    /** The data sources of liberty/config/server.xml. */
    static final String H2_DATASOURCE = "jdbc/pictory-h2";
    static final String POSTGRES_DATASOURCE = "jdbc/pictory-postgresql";

    /** Set while this thread decides the mode: the configuration asked may ask this source again. */
    private static final ThreadLocal<Boolean> DECIDING = new ThreadLocal<>();

    /** The same in both modes. */
    private static final Map<String, String> ALWAYS = Map.of(
            // The OpenAPI document describes the sample's API; the simulator mimics someone else's.
            "mp.openapi.scan.exclude.packages", "io.github.pictory4j.images.simulator",
            // The demo users' teams (SampleUsers), in the order that decides which pays for a user in both.
            "pictory.budget.teams", "design,marketing");

    private static final Map<String, String> SIMULATOR_DEFAULTS = simulatorDefaults();

    private final Supplier<Iterable<ConfigSource>> appSources;

    /** The source MicroProfile Config loads (see META-INF/services). */
    public SampleConfigSource() {
        this(new AppConfigSources());
    }

    /** A source that decides the mode from {@code appSources} (the configuration it belongs to). */
    SampleConfigSource(Supplier<Iterable<ConfigSource>> appSources) {
        this.appSources = appSources;
    }

    /** Whether {@code source} is the sample's defaults, which never count as the user's configuration. */
    static boolean isSampleDefaults(ConfigSource source) {
        return source instanceof SampleConfigSource || NAME.equals(source.getName());
    }

    @Override
    public String getValue(String propertyName) {
        String value = ALWAYS.get(propertyName);
        if (value != null) {
            return value;
        }
        if (StoreSettings.DATASOURCE.equals(propertyName)) {
            return dataSource();
        }
        value = SIMULATOR_DEFAULTS.get(propertyName);
        return value != null && mode() == SampleMode.SIMULATOR ? value : null;
    }

    /**
     * The mode as the app's other sources decide it. Asked again while deciding (the configuration may
     * consult its sources, this one included, while it is being set up), it answers PICTORY: this source
     * then supplies no default, which cannot loop.
     */
    SampleMode mode() {
        if (DECIDING.get() != null) {
            return SampleMode.PICTORY;
        }
        DECIDING.set(Boolean.TRUE);
        try {
            return SampleMode.detect(appSources.get());
        } finally {
            DECIDING.remove();
        }
    }

    /**
     * The sample keeps its jobs in a database in both modes: PostgreSQL when the environment variable (or
     * system property) {@value #DB_URL} is set, else the embedded H2 file (see server.xml). Not any config
     * source: server.xml's own variable of that name, with its default, is one. To choose in server.xml,
     * set {@code pictory.store.datasource} there: it outranks this source.
     */
    static String dataSource() {
        String url = System.getenv(DB_URL);
        url = url == null || url.isBlank() ? System.getProperty(DB_URL) : url;
        return url == null || url.isBlank() ? H2_DATASOURCE : POSTGRES_DATASOURCE;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ALWAYS);
        properties.put(StoreSettings.DATASOURCE, dataSource());
        if (mode() == SampleMode.SIMULATOR) {
            properties.putAll(SIMULATOR_DEFAULTS);
        }
        return properties;
    }

    /** Every name this source may answer for, whatever the mode: listing names decides nothing. */
    @Override
    public Set<String> getPropertyNames() {
        Set<String> names = new HashSet<>(ALWAYS.keySet());
        names.add(StoreSettings.DATASOURCE);
        names.addAll(SIMULATOR_DEFAULTS.keySet());
        return names;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    /**
     * The sources of the app's configuration, as its class loader sees them. In Liberty this is a twin of
     * the configuration the app injects (that one is keyed by a thread-context wrapper of the same loader):
     * the same kinds of sources over the same settings, built once, on the first lookup that needs the mode.
     * It is kept, so that lookups do not contend for the configuration registry's lock.
     */
    private static final class AppConfigSources implements Supplier<Iterable<ConfigSource>> {
        private volatile Config config;

        @Override
        public Iterable<ConfigSource> get() {
            Config found = config;
            if (found == null) {
                found = ConfigProvider.getConfig(SampleConfigSource.class.getClassLoader());
                config = found;
            }
            return found.getConfigSources();
        }
    }

    private static Map<String, String> simulatorDefaults() {
        Map<String, String> values = new HashMap<>();
        values.put(SimulatorKeys.ENABLED, "true");
        values.put(SimulatorKeys.API_KEY, RUN_SIMULATOR_KEY);
        values.put(PictorySettings.BASE_URL, LOCAL_APP + "/simulator/pictoryapis");
        // An expression, so that the client sends whatever key the simulator is configured to accept.
        values.put(PictorySettings.API_KEY, "${" + SimulatorKeys.API_KEY + ":" + SimulatorKeys.DEFAULT_API_KEY + "}");
        values.put(PictorySettings.POLL_INTERVAL, "1s");
        values.put(PictorySettings.POLL_TIMEOUT, "2m");
        // The simulator calls back, so the app learns of each end at once; a key made per run signs the
        // callback tokens.
        values.put("pictory.webhook.url", LOCAL_APP + "/api/pictory/webhook");
        values.put("pictory.webhook.secret", RUN_SECRET);
        // The simulator's credits are no one's money: counted apart, and never against a limit.
        values.put(BudgetSettings.SIMULATED, "true");
        return Map.copyOf(values);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
