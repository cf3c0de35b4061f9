package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The budget in a database (see {@link H2BudgetTest}, {@link PostgresBudgetTest}): the contract's cases,
 * plus what only a shared, durable store can do: instances that share one budget, and reservations
 * that outlive a restart.
 */
abstract class DurableBudgetContract extends BudgetContract {

    private static final StoreSettings ALONE = new StoreSettings(null, true, StoreSettings.DEFAULT.imageMaxBytes(),
            Duration.ofSeconds(60), 8, 4, Duration.ofMinutes(1), Duration.ZERO);

    private TestDatabases.TestDatabase db;

    abstract TestDatabases.Kind kind();

    @BeforeEach
    void database() {
        db = TestDatabases.create(kind());
    }

    @AfterEach
    void dropDatabase() {
        clients.forEach(PictoryClient::close);
        clients.clear();
        if (db != null) { // null when the database was not reachable and the test did not run
            db.close();
        }
    }

    @Override
    PictoryClientBuilder store(PictoryClientBuilder builder) {
        return builder.dataSource(db.dataSource()).storeSettings(ALONE);
    }

    @Test
    void fiftySubmissionsOnTwoInstancesAgainstABudgetForTenSendExactlyTen() throws Exception {
        pictoryCreatesJobs();
        BudgetSettings tenImages = BudgetSettings.of(null, credits("20"));
        PictoryClient a = client("a", tenImages, VirtualScheduler.manual());
        PictoryClient b = client("b", tenImages, VirtualScheduler.manual());

        assertEquals(10, burst(List.of(a, b), 25));

        assertEquals(10, submissionsSent());
        assertCredits("20", a.usage().month().reserved(), "reserved, as a sees it");
        assertCredits("20", b.usage().month().reserved(), "and as b does");
    }

    @Test
    void reservationsOutstandingAtARestartStillCountAndAreSettledWhenTheirJobsEnd() {
        pictoryCreatesJobs();
        BudgetSettings fiveCredits = BudgetSettings.of(credits("5"), null);
        PictoryClient before = client("a", fiveCredits);
        String first = before.submit(TWO_CREDITS);
        String second = before.submit(TWO_CREDITS);
        before.close(); // the application stops while both jobs run

        PictoryClient after = client("b", fiveCredits);
        assertCredits("4", after.usage().today().reserved(), "the reservations outlived the restart");
        assertThrows(PictoryBudgetExceededException.class, () -> after.submit(TWO_CREDITS));

        jobEnds(first, "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/1.png\",\"aiCreditsUsed\":1}");
        jobEnds(second, "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/2.png\",\"aiCreditsUsed\":1}");
        time.advance(INTERVAL); // the restarted instance follows both to their ends

        assertCredits("2", after.usage().today().spent(), "settled by what Pictory reported");
        assertCredits("0", after.usage().today().reserved(), "nothing left reserved");
        after.submit(TWO_CREDITS);
        assertEquals(3, submissionsSent());
    }

    @Test
    void aBurstOnTwoInstancesStopsAtTheTighterOfADailyAndAMonthlyLimitAndKeepsNothingOfARefusal() throws Exception {
        pictoryCreatesJobs();
        // Both periods start without a row; the month (7 images) runs out before the day (10 images), so the
        // refused submissions took the day's credits before the month refused them: none of that may stay.
        BudgetSettings tighterMonth = BudgetSettings.of(credits("20"), credits("14"));
        PictoryClient a = client("a", tighterMonth, VirtualScheduler.manual());
        PictoryClient b = client("b", tighterMonth, VirtualScheduler.manual());

        assertEquals(7, burst(List.of(a, b), 25));

        assertEquals(7, submissionsSent());
        assertCredits("14", a.usage().today().reserved(), "the day holds only what was sent");
        assertCredits("14", b.usage().month().reserved(), "and so does the month");
    }

    @Test
    void aFirstSubmissionWhosePriceAlonePassesTheLimitIsRefusedAndReservesNothing() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.of(credits("1"), null));

        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> client.submit(TWO_CREDITS));

        assertEquals(PictoryBudgetExceededException.Period.DAY, refused.refusal().period());
        assertEquals(0, submissionsSent());
        assertCredits("0", client.usage().today().reserved(), "nothing reserved in the day");
        assertCredits("0", client.usage().month().reserved(), "nor in the month");
    }
}
