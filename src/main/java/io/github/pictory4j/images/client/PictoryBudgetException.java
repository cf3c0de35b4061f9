package io.github.pictory4j.images.client;

/**
 * The credit budget ({@code pictory.budget.*}) refused a submission: nothing was sent to Pictory and
 * nothing was spent. {@link PictoryBudgetExceededException} is the budget used up; this class alone is a
 * submission whose price is unknown, which a budget cannot check.
 */
public class PictoryBudgetException extends PictoryException {

    public PictoryBudgetException(String message) {
        super(message);
    }
}
