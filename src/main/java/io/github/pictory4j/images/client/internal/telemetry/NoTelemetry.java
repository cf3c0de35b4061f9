package io.github.pictory4j.images.client.internal.telemetry;

import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictoryException;

import java.util.Optional;
import java.util.function.Supplier;

/** {@link Telemetry#NONE}: every call does nothing. */
final class NoTelemetry implements Telemetry {

    @Override
    public boolean active() {
        return false;
    }

    @Override
    public Traced submission(ImageRequest request) {
        return Traced.NONE;
    }

    @Override
    public Traced following(String jobId, Supplier<Optional<ImageModel>> model) {
        return Traced.NONE;
    }

    @Override
    public Traced callback() {
        return Traced.NONE;
    }

    @Override
    public Traced download(String jobId) {
        return Traced.NONE;
    }

    @Override
    public Runnable carry(Runnable task) {
        return task;
    }

    @Override
    public void retrying(PictoryException failure) {
        // nothing recorded
    }

    @Override
    public void jobEnded(JobEnd end) {
        // nothing recorded
    }

    @Override
    public void callbackAnswered(boolean accepted) {
        // nothing recorded
    }

    @Override
    public void watchBudget(Supplier<CreditUsage> usage) {
        // nothing reported
    }

    @Override
    public void close() {
        // nothing to stop
    }

    /** {@link Traced#NONE}. */
    static final class NoTrace implements Traced {
        @Override
        public Scope enter() {
            return Scope.NONE;
        }

        @Override
        public Scope enterParent() {
            return Scope.NONE;
        }

        @Override
        public void jobId(String jobId) {
            // nothing recorded
        }

        @Override
        public void polled() {
            // nothing recorded
        }

        @Override
        public void state(ImageJob job) {
            // nothing recorded
        }

        @Override
        public void endedBy(EndSource source) {
            // nothing recorded
        }

        @Override
        public void refused(String reason) {
            // nothing recorded
        }

        @Override
        public void kept(long bytes) {
            // nothing recorded
        }

        @Override
        public void end(Throwable failure) {
            // nothing recorded
        }
    }
}
