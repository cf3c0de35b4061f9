package io.github.pictory4j.images.runtimes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * The users of the consumer app that charges its callers, brought by the app itself with Jakarta Security (an
 * identity store and HTTP Basic), so that no runtime needs a registry of its own: alice in design, bob in design
 * and marketing, carol in interns (a role that is no team). Each logs in with the password {@code NAME-pw}; their
 * groups are their roles.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "consumer")
public class ConsumerCallers implements IdentityStore {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "alice", Set.of("design"),
            "bob", Set.of("design", "marketing"),
            "carol", Set.of("interns"));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Set<String> groups = GROUPS.get(login.getCaller());
        if (groups == null || !login.compareTo(login.getCaller(), login.getCaller() + "-pw")) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), groups);
    }
}
