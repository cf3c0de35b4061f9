package io.github.pictory4j.images.client;

/** The budget with the in-memory store: per instance. */
class InMemoryBudgetTest extends BudgetContract {

    @Override
    PictoryClientBuilder store(PictoryClientBuilder builder) {
        return builder;
    }
}
