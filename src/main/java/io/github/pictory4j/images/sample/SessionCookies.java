package io.github.pictory4j.images.sample;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie, which carries a sign-in, is never sent by the browser with a request another site starts
 * ({@code SameSite=Strict}), nor readable by scripts ({@code HttpOnly}). One of the sample's guards against
 * cross-site request forgery; see {@link SameOriginGuard} for the others.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
    }
}
