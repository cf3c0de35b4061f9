package io.github.pictory4j.images.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * {@code /api/session}: sign in, see who is signed in, sign out. Public: it is how a caller signs in. The page
 * signs in here once and its session cookie ({@code SameSite=Strict}, see {@link SessionCookies}) carries the
 * sign-in; scripts may send HTTP Basic credentials with every request instead.
 */
@Path("/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** What the page shows: who is signed in, their team and role, and the demo users while they exist. */
    public record Session(boolean signedIn, String user, String team, boolean admin, List<String> demoUsers) {
    }

    /** A sign-in. */
    public record SignInForm(String user, String password) {
        @Override
        public String toString() {
            return "SignInForm[user=" + user + "]";
        }
    }

    @Inject
    SecurityContext security;

    @Inject
    Caller caller;

    @Inject
    SampleUsers users;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Operation(summary = "Who is signed in (signedIn false when nobody), and the demo users while the sample has them")
    public Session session() {
        return caller.name().map(name -> new Session(true, name, caller.team().orElse(null), caller.admin(), users.demoUsers()))
                .orElseGet(() -> new Session(false, null, null, false, users.demoUsers()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with a user name and password (JSON only); the answer sets the session cookie")
    @APIResponse(responseCode = "200", description = "Signed in: the session")
    @APIResponse(responseCode = "401", description = "The user name or password is wrong")
    public Response signIn(SignInForm form) {
        if (form == null || form.user() == null || form.password() == null) {
            throw new InvalidBodyException("The body must be {\"user\": \"…\", \"password\": \"…\"}");
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(form.user(), form.password())).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            return PictoryErrors.json(401, ErrorBody.of("The user name or password is wrong"));
        }
        HttpSession session = request.getSession(false);
        if (session != null && !session.isNew()) {
            request.changeSessionId(); // a session id fixed before the sign-in is worth nothing after it
        }
        return Response.ok(new Session(true, form.user(), caller.team().orElse(null), caller.admin(), users.demoUsers()))
                .build();
    }

    @DELETE
    @Operation(summary = "Sign out: the session ends")
    @APIResponse(responseCode = "204", description = "Signed out (also when nobody was signed in)")
    public Response signOut() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
