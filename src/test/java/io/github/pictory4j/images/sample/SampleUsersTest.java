package io.github.pictory4j.images.sample;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may sign in to the sample: demo users on this machine only, configured users anywhere, no default password. */
class SampleUsersTest {

    private final Map<String, String> settings = new HashMap<>();

    private Map<String, SampleUsers.User> users() {
        return SampleUsers.read(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void theDemoUsersExistWhileTheSampleListensOnThisMachineOnly() {
        for (String local : List.of("localhost", "127.0.0.1", "::1", "[::1]", "127.0.0.2", "LOCALHOST")) {
            settings.put(SampleUsers.LISTEN_HOST, local);
            assertEquals(Set.of("alice", "bob", "admin"), users().keySet(), local);
        }
        for (String beyond : List.of("*", "0.0.0.0", "::", "192.168.1.20", "pictory.example.com", "my-host")) {
            settings.put(SampleUsers.LISTEN_HOST, beyond);
            assertEquals(Set.of(), users().keySet(), beyond + ": no demo users, so no known password");
        }
        settings.remove(SampleUsers.LISTEN_HOST);
        assertEquals(3, users().size(), "server.xml's default, localhost");
    }

    @Test
    void theDemoUsersGroupsAreTheirTeamsAndTheAdminRole() {
        assertEquals(Set.of("design"), users().get("alice").groups());
        assertEquals(Set.of("design", "marketing"), users().get("bob").groups());
        assertEquals(Set.of("admin"), users().get("admin").groups());
        assertTrue(users().get("alice").accepts("demo"));
        assertFalse(users().get("alice").accepts("Demo"));
    }

    @Test
    void configuredUsersSignInBeyondThisMachineWithTheirOwnPasswordAndGroups() {
        settings.put(SampleUsers.LISTEN_HOST, "*");
        settings.put(SampleUsers.USERS, "dana, erin");
        settings.put("sample.user.dana.password", "correct horse");
        settings.put("sample.user.dana.groups", "design");
        settings.put("sample.user.erin.password", "battery staple");
        settings.put("sample.user.erin.groups", "admin, marketing");

        Map<String, SampleUsers.User> users = users();

        assertEquals(Set.of("dana", "erin"), users.keySet());
        assertTrue(users.get("dana").accepts("correct horse"));
        assertFalse(users.get("dana").accepts("battery staple"));
        assertEquals(Set.of("admin", "marketing"), users.get("erin").groups());
        assertFalse(users.get("dana").toString().contains("horse"), "never the password: " + users.get("dana"));
    }

    @Test
    void aConfiguredUserWithoutAPasswordStopsTheStartNamingTheSetting() {
        settings.put(SampleUsers.USERS, "dana");

        IllegalStateException refused = assertThrows(IllegalStateException.class, this::users);

        assertTrue(refused.getMessage().contains("sample.user.dana.password (env SAMPLE_USER_DANA_PASSWORD) is not set"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("no default password"), refused.getMessage());
        settings.put("sample.user.dana.password", "   ");
        assertThrows(IllegalStateException.class, this::users, "blank is not a password");
    }

    @Test
    void aUserNameThatCannotBeASpenderIsRefused() {
        settings.put(SampleUsers.USERS, "dana smith");
        settings.put("sample.user.dana smith.password", "pw");

        IllegalStateException refused = assertThrows(IllegalStateException.class, this::users);

        assertTrue(refused.getMessage().startsWith("sample.users lists 'dana smith'"), refused.getMessage());
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsInvalid() {
        SampleUsers store = new SampleUsers() {
            @Override
            Map<String, User> users() {
                return SampleUsersTest.this.users();
            }
        };

        assertEquals("alice", store.validate(new UsernamePasswordCredential("alice", "demo")).getCallerPrincipal().getName());
        assertEquals(Set.of("design"), store.validate(new UsernamePasswordCredential("alice", "demo")).getCallerGroups());
        assertNull(store.validate(new UsernamePasswordCredential("alice", "wrong")).getCallerPrincipal());
        assertNull(store.validate(new UsernamePasswordCredential("mallory", "demo")).getCallerPrincipal());
    }

    @Test
    void basicCredentialsAreReadFromTheHeaderOrIgnored() {
        UsernamePasswordCredential alice = SignIn.basic("Basic YWxpY2U6ZGVtbzp3aXRoOmNvbG9ucw=="); // alice:demo:with:colons

        assertEquals("alice", alice.getCaller());
        assertEquals("demo:with:colons", alice.getPasswordAsString());
        assertNull(SignIn.basic(null));
        assertNull(SignIn.basic("Bearer abc"));
        assertNull(SignIn.basic("Basic not-base64!"));
        assertNull(SignIn.basic("Basic OnB3"), "no user name");
    }

    @Test
    void theStartupLineNamesWhoMaySignInButNoPassword() {
        String local = ModeAnnouncer.signInLine(Set.of("alice", "bob", "admin", "dana"), List.of("alice", "bob", "admin"));
        String beyond = ModeAnnouncer.signInLine(Set.of("dana"), List.of());

        assertTrue(local.contains("demo users alice, bob, admin (password demo; only while HTTP_HOST is localhost)"), local);
        assertTrue(local.endsWith("users of sample.users: dana"), local);
        assertTrue(beyond.contains("no demo users"), beyond);
    }
}
