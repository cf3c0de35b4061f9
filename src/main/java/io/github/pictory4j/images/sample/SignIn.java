package io.github.pictory4j.images.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * How a caller signs in: the page posts a name and password to {@code POST /api/session} once (then its
 * session cookie carries the sign-in), and scripts may send HTTP Basic credentials with each request
 * ({@code curl -u alice:demo}). A protected path without either answers 401 with a JSON body. The 401 carries
 * no Basic challenge, so that a browser never shows its own password dialog (nor remembers a password it would
 * then send to any page that posts here). Only the page's sign-in makes a session: a script's Basic requests
 * leave none behind (thousands of them would otherwise each hold one until it timed out).
 */
@ApplicationScoped
public class SignIn implements HttpAuthenticationMechanism {

    /** The session attribute that holds who signed in through {@code POST /api/session}. */
    static final String SIGNED_IN = SignIn.class.getName() + ".caller";

    /** Who signed in, as the session keeps it (never the password). */
    record SignedIn(String name, Set<String> groups) implements Serializable {
        SignedIn {
            groups = Set.copyOf(groups);
        }
    }

    /** The challenge of every 401: sign in through the API, not a browser dialog. */
    static final String CHALLENGE = "Session realm=\"pictory4j sample\"";

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential given = context.getAuthParameters().getCredential();
        boolean fromSessionResource = given != null;
        if (!fromSessionResource) {
            given = basic(request.getHeader("Authorization"));
        }
        HttpSession session = request.getSession(false);
        SignedIn known = session == null ? null : (SignedIn) session.getAttribute(SIGNED_IN);
        if (given == null && known != null) {
            return context.notifyContainerAboutLogin(known.name(), known.groups());
        }
        if (given != null) {
            CredentialValidationResult result = identities.validate(given);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                if (fromSessionResource) {
                    request.getSession(true).setAttribute(SIGNED_IN,
                            new SignedIn(result.getCallerPrincipal().getName(), result.getCallerGroups()));
                }
                return context.notifyContainerAboutLogin(result);
            }
            // POST /api/session answers for itself; a request with wrong Basic credentials is refused here.
            return fromSessionResource ? AuthenticationStatus.SEND_FAILURE
                    : unauthorized(response, "The user name or password is wrong");
        }
        if (context.isProtected()) {
            return unauthorized(response, "Sign in first: POST /api/session with {\"user\": …, \"password\": …}"
                    + " (the page does), or send HTTP Basic credentials");
        }
        return context.doNothing();
    }

    /** HTTP Basic credentials, or null when {@code header} holds none (or none that decode). */
    static UsernamePasswordCredential basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
            response.flushBuffer(); // committed: the container adds no error page of its own
        } catch (IOException gone) {
            // the caller hung up; it is refused all the same
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
