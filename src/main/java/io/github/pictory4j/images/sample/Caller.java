package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.Spender;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling, and what they may see: a signed-in user sees the jobs charged to them; an admin
 * ({@value SampleUsers#ADMIN}) sees every job, those from before jobs had owners included.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    ImageService images;

    /** The signed-in caller's name, if anyone is signed in. */
    public Optional<String> name() {
        Principal principal = security.getCallerPrincipal();
        return Optional.ofNullable(principal).map(Principal::getName);
    }

    public boolean admin() {
        return name().isPresent() && security.isCallerInRole(SampleUsers.ADMIN);
    }

    /** The team the caller's submissions are charged to: the first of {@code pictory.budget.teams} they are in. */
    public Optional<String> team() {
        if (name().isEmpty()) {
            return Optional.empty();
        }
        return images.budget().teamOf(security::isCallerInRole); // the module's rule: what it charges, shown
    }

    /** The caller's own budget scope. */
    public BudgetScope scope() {
        return BudgetScope.user(name().orElseThrow(() -> new IllegalStateException("Nobody is signed in")));
    }

    /** Whether the caller may see {@code job}: their own, or any job for an admin. */
    public boolean maySee(JobRecord job) {
        return admin() || owns(name().orElse(null), job);
    }

    /** Whether {@code user} submitted {@code job} (a job from before owners has none: only an admin sees it). */
    static boolean owns(String user, JobRecord job) {
        Spender owner = job.spender();
        return user != null && owner != null && user.equals(owner.user());
    }
}
