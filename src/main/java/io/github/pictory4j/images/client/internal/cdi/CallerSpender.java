package io.github.pictory4j.images.client.internal.cdi;

import io.github.pictory4j.images.client.BudgetSettings;
import io.github.pictory4j.images.client.Spender;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Who the current call is charged to, in a container: the authenticated caller (Jakarta Security's
 * {@link SecurityContext}), in the first of the configured teams ({@code pictory.budget.teams}) whose role the caller
 * has. Nobody when no caller is authenticated (a public endpoint, a background task), or when the runtime offers
 * no Jakarta Security to the application (on Open Liberty, without the {@code appSecurity} feature).
 */
final class CallerSpender implements Supplier<Optional<Spender>> {

    private static final Logger LOG = Logger.getLogger(CallerSpender.class.getName());
    private static final String API = "jakarta.security.enterprise.SecurityContext";

    private final Instance<SecurityContext> contexts;
    private final BudgetSettings budget;

    private CallerSpender(Instance<SecurityContext> contexts, BudgetSettings budget) {
        this.contexts = contexts;
        this.budget = budget;
    }

    /** The caller's spender where the runtime has Jakarta Security; else nobody, always. */
    static Supplier<Optional<Spender>> of(BudgetSettings budget) {
        try {
            Class.forName(API, false, CallerSpender.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            LOG.fine("Jakarta Security is not offered to this application: submissions are charged to the application");
            return Optional::empty;
        }
        // Only now is this class's use of the API loaded.
        Instance<SecurityContext> contexts = CDI.current().select(SecurityContext.class);
        if (!contexts.isResolvable()) {
            return Optional::empty;
        }
        return new CallerSpender(contexts, budget);
    }

    @Override
    public Optional<Spender> get() {
        SecurityContext context;
        Principal caller;
        try {
            context = contexts.get();
            caller = context.getCallerPrincipal();
        } catch (RuntimeException noCaller) { // no request, no security context on this thread
            return Optional.empty();
        }
        if (caller == null || caller.getName() == null) {
            return Optional.empty();
        }
        Spender spender = Spender.user(caller.getName());
        return Optional.of(budget.teamOf(context::isCallerInRole).map(spender::team).orElse(spender));
    }
}
