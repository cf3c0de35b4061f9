package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.Spender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who may sign in to the sample, and their groups (which are their roles: {@value #ADMIN}, and the teams of
 * {@code pictory.budget.teams}).
 * <ul>
 *   <li><b>Demo users</b> ({@link #DEMO}, password {@value #DEMO_PASSWORD}) exist only while the sample listens on
 *   this machine alone ({@code HTTP_HOST}, as server.xml's {@code httpEndpoint} uses it, is a loopback name or
 *   address), so that the quick start needs no setup and a sample opened to the network has no known password.</li>
 *   <li><b>Configured users</b>: {@value #USERS} lists names (env {@code SAMPLE_USERS=dana,erin}); each needs
 *   {@code sample.user.<name>.password} (env {@code SAMPLE_USER_DANA_PASSWORD}) and may have
 *   {@code sample.user.<name>.groups} (comma-separated). There is no default password.</li>
 * </ul>
 */
@ApplicationScoped
public class SampleUsers implements IdentityStore {

    static final String USERS = "sample.users";
    static final String LISTEN_HOST = "HTTP_HOST";
    static final String ADMIN = "admin";
    static final String DEMO_PASSWORD = "demo";
    /** The demo users and their groups, in the order the page offers them. */
    static final Map<String, Set<String>> DEMO = demo();

    /** One user who may sign in; the password never leaves this class. */
    record User(String name, byte[] password, Set<String> groups) {
        User {
            groups = Set.copyOf(groups);
        }

        boolean accepts(String offered) {
            return MessageDigest.isEqual(password, offered.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "User[" + name + ", groups=" + new TreeSet<>(groups) + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof User user && user.name.equals(name) && Arrays.equals(user.password, password)
                    && user.groups.equals(groups);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    @Inject
    Config config;

    private volatile Map<String, User> users;

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    /** Jakarta Security's entry point: the caller and their groups when the name and password match. */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        User user = users().get(credential.getCaller());
        if (user == null || !user.accepts(credential.getPasswordAsString())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.name(), user.groups());
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        User user = users().get(validationResult.getCallerPrincipal().getName());
        return user == null ? Set.of() : user.groups();
    }

    /** The demo users' names while they exist (see the class comment), for the page's hint; else none. */
    List<String> demoUsers() {
        return demoAllowed(setting(config).apply(LISTEN_HOST).orElse("localhost")) ? List.copyOf(DEMO.keySet()) : List.of();
    }

    /** Every user, read once from the configuration (checked at start by {@link ModeAnnouncer}). */
    Map<String, User> users() {
        Map<String, User> known = users;
        if (known == null) {
            known = read(setting(config));
            users = known;
        }
        return known;
    }

    private static Function<String, Optional<String>> setting(Config config) {
        return name -> config.getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }

    /**
     * The users {@code settings} define (see the class comment).
     *
     * @throws IllegalStateException naming the setting, when a listed user has no password or a bad name
     */
    static Map<String, User> read(Function<String, Optional<String>> settings) {
        Map<String, User> users = new LinkedHashMap<>();
        if (demoAllowed(settings.apply(LISTEN_HOST).orElse("localhost"))) {
            DEMO.forEach((name, groups) -> users.put(name, new User(name, bytes(DEMO_PASSWORD), groups)));
        }
        for (String name : list(settings.apply(USERS).orElse(""))) {
            if (name.length() > Spender.MAX_USER || !name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalStateException(USERS + " lists '" + name + "': a user name is 1 to " + Spender.MAX_USER
                        + " letters, digits, dots, dashes or underscores. Rename the user.");
            }
            String passwordSetting = "sample.user." + name + ".password";
            String password = settings.apply(passwordSetting).filter(given -> !given.isBlank()).orElseThrow(() -> new IllegalStateException(
                    USERS + " lists '" + name + "', but " + passwordSetting + " (env " + envName(passwordSetting)
                            + ") is not set (or blank). Set it: the sample has no default password."));
            Set<String> groups = new TreeSet<>(list(settings.apply("sample.user." + name + ".groups").orElse("")));
            users.put(name, new User(name, bytes(password), groups));
        }
        return Map.copyOf(users);
    }

    /** Whether {@code host} (server.xml's {@code HTTP_HOST}) is this machine alone: a loopback name or address. */
    static boolean demoAllowed(String host) {
        String bare = host.trim().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (bare.equals("localhost") || bare.endsWith(".localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-f:]+") || bare.isEmpty()) {
            return false; // "*", a host name or anything else: maybe beyond this machine
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress(); // a literal address: no lookup is made
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    /** MicroProfile Config's environment name of {@code setting}. */
    static String envName(String setting) {
        return setting.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static byte[] bytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Set<String>> demo() {
        Map<String, Set<String>> demo = new LinkedHashMap<>();
        demo.put("alice", Set.of("design"));
        demo.put("bob", Set.of("design", "marketing"));
        demo.put("admin", Set.of(ADMIN));
        return java.util.Collections.unmodifiableMap(demo);
    }
}
