package io.github.pictory4j.images.simulator;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.time.Clock;

/** Beans of the simulator's package for SimulatorAssemblyTest (only that package's classes are created there). */
public final class AssemblyFixtures {

    private AssemblyFixtures() {
    }

    public static class Left {
        @Inject
        Right right;
        boolean started;

        @PostConstruct
        void start() {
            started = right != null;
        }

        public Right right() {
            return right;
        }

        public boolean started() {
            return started;
        }
    }

    public static class Right {
        @Inject
        Left left;

        public Left left() {
            return left;
        }
    }

    public static class NeedsAClock {
        @Inject
        Clock clock;
    }
}
