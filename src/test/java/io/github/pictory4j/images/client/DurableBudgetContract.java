package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.jdbc.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aJobSettlesInThePeriodsItReservedInWhenTheSimulatedSettingChangesAcrossARestart() {
        pictoryCreatesJobs();
        BudgetSettings real = BudgetSettings.of(credits("10"), null).perUser(credits("4"), null);
        PictoryClient simulator = client("a", real.simulated(true));
        Spender alice = Spender.user("alice").team("design");
        String first = simulator.chargedTo(alice).submit(TWO_CREDITS);
        String second = simulator.chargedTo(alice).submit(TWO_CREDITS);
        String third = simulator.chargedTo(alice).submit(TWO_CREDITS);
        simulator.close(); // restarted with real credits while the simulated jobs run

        PictoryClient restarted = client("b", real);
        assertCredits("6", restarted.usage().today().simulated(), "the simulated reservations outlived the restart");
        assertCredits("0", restarted.usage().today().reserved(), "and count against nothing");
        restarted.chargedTo(alice).submit(TWO_CREDITS);
        restarted.chargedTo(alice).submit(TWO_CREDITS);
        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> restarted.chargedTo(alice).submit(TWO_CREDITS));
        assertEquals(BudgetScope.user("alice"), refused.refusal().scope(), "real credits count against real limits");
        assertCredits("4", refused.refusal().reserved(), "alice's real credits alone");

        jobEnds(first, "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/1.png\",\"aiCreditsUsed\":1}");
        jobEnds(second, "{\"status\":\"failed\",\"error_code\":\"E1\",\"error_message\":\"no\"}");
        jobEnds(third, "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/3.png\",\"aiCreditsUsed\":0.5}");
        time.advance(INTERVAL); // the restarted instance follows the simulator's jobs to their ends
        time.advance(INTERVAL);

        for (BudgetScope scope : List.of(BudgetScope.application(), alice.userScope(), BudgetScope.team("design"))) {
            CreditUsage usage = restarted.usage(scope);
            assertCredits("1.5", usage.today().simulated(), scope.describe() + ": settled in the simulated periods, once");
            assertCredits("4", usage.today().reserved(), scope.describe() + ": the real reservations, untouched");
            assertCredits("0", usage.today().spent(), scope.describe() + ": nothing real spent");
        }
        assertEquals(5, submissionsSent());
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

    /** Five users in two teams: design (u1, u2, u3) and marketing (u4, u5). */
    private static final List<Spender> FIVE_USERS = List.of(Spender.user("u1").team("design"),
            Spender.user("u2").team("design"), Spender.user("u3").team("design"), Spender.user("u4").team("marketing"),
            Spender.user("u5").team("marketing"));

    /**
     * 100 submissions at once from two instances on one database, ten per user on each, at 2 credits each;
     * answers how many each user had accepted, and checks that every other one was refused by the budget.
     */
    private Map<String, Integer> fiveUsersBurst(BudgetSettings settings) throws Exception {
        PictoryClient a = client("a", settings, VirtualScheduler.manual());
        PictoryClient b = client("b", settings, VirtualScheduler.manual());
        ExecutorService threads = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Map<String, List<Future<Boolean>>> answers = new java.util.TreeMap<>();
            for (PictoryClient instance : List.of(a, b)) {
                for (Spender spender : FIVE_USERS) {
                    ImageService charged = instance.chargedTo(spender);
                    for (int i = 0; i < 10; i++) {
                        answers.computeIfAbsent(spender.user(), user -> new ArrayList<>()).add(threads.submit(() -> {
                            go.await();
                            try {
                                charged.submit(TWO_CREDITS);
                                return true;
                            } catch (PictoryBudgetExceededException refused) {
                                return false;
                            }
                        }));
                    }
                }
            }
            go.countDown();
            Map<String, Integer> accepted = new java.util.TreeMap<>();
            for (Map.Entry<String, List<Future<Boolean>>> user : answers.entrySet()) {
                int count = 0;
                for (Future<Boolean> answer : user.getValue()) {
                    count += answer.get() ? 1 : 0; // any other failure fails the test here
                }
                accepted.put(user.getKey(), count);
            }
            return accepted;
        } finally {
            threads.shutdownNow();
        }
    }

    private void assertReserved(PictoryClient client, BudgetScope scope, int images) {
        assertCredits(String.valueOf(2 * images), client.usage(scope).today().reserved(), scope.describe() + "'s day");
        assertCredits(String.valueOf(2 * images), client.usage(scope).month().reserved(), scope.describe() + "'s month");
    }

    @Test
    void fiveUsersOnTwoInstancesEachStopExactlyAtTheirOwnLimit() throws Exception {
        pictoryCreatesJobs();
        // Each user may have 4 images a day; the teams and the application have room for all of them.
        Map<String, Integer> accepted = fiveUsersBurst(BudgetSettings.of(credits("100"), null).perUser(credits("8"), null)
                .perTeam(credits("50"), null));

        assertEquals(Map.of("u1", 4, "u2", 4, "u3", 4, "u4", 4, "u5", 4), accepted);
        assertEquals(20, submissionsSent());
        PictoryClient restarted = client("c", BudgetSettings.of(credits("100"), null).perUser(credits("8"), null)
                .perTeam(credits("50"), null), VirtualScheduler.manual());
        for (Spender spender : FIVE_USERS) {
            assertReserved(restarted, spender.userScope(), 4); // outstanding reservations outlive the instances
        }
        assertReserved(restarted, BudgetScope.team("design"), 12);
        assertReserved(restarted, BudgetScope.team("marketing"), 8);
        assertReserved(restarted, BudgetScope.application(), 20);
        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> restarted.chargedTo(FIVE_USERS.get(0)).submit(TWO_CREDITS));
        assertEquals(BudgetScope.user("u1"), refused.refusal().scope(), "a restart does not forget what u1 reserved");
    }

    @Test
    void fiveUsersOnTwoInstancesStopExactlyAtTheirTeamsLimit() throws Exception {
        pictoryCreatesJobs();
        // Each team may have 6 images a month: design's three users could take 12, marketing's two 8.
        Map<String, Integer> accepted = fiveUsersBurst(BudgetSettings.of(credits("100"), null).perUser(credits("8"), null)
                .perTeam(null, credits("12")));

        assertEquals(6, accepted.get("u1") + accepted.get("u2") + accepted.get("u3"), accepted.toString());
        assertEquals(6, accepted.get("u4") + accepted.get("u5"), accepted.toString());
        accepted.values().forEach(images -> assertTrue(images <= 4, accepted.toString()));
        assertEquals(12, submissionsSent());
        PictoryClient reader = clients.get(0);
        assertReserved(reader, BudgetScope.team("design"), 6);
        assertReserved(reader, BudgetScope.team("marketing"), 6);
        for (Spender spender : FIVE_USERS) {
            assertReserved(reader, spender.userScope(), accepted.get(spender.user()));
        }
    }

    @Test
    void fiveUsersOnTwoInstancesStopExactlyAtTheApplicationsLimitBelowEveryOther() throws Exception {
        pictoryCreatesJobs();
        // Users (4 images each) and teams (6 each) would allow 12; the application allows 11.
        Map<String, Integer> accepted = fiveUsersBurst(BudgetSettings.of(credits("22"), null).perUser(credits("8"), null)
                .perTeam(credits("12"), null));

        assertEquals(11, accepted.values().stream().mapToInt(Integer::intValue).sum(), accepted.toString());
        assertTrue(accepted.get("u1") + accepted.get("u2") + accepted.get("u3") <= 6, accepted.toString());
        assertTrue(accepted.get("u4") + accepted.get("u5") <= 6, accepted.toString());
        accepted.values().forEach(images -> assertTrue(images <= 4, accepted.toString()));
        assertEquals(11, submissionsSent());
        assertReserved(clients.get(1), BudgetScope.application(), 11);
    }

    @Test
    void ownLimitsSetOnOneInstanceHoldOnTheOtherFromItsNextSubmission() {
        pictoryCreatesJobs();
        BudgetSettings defaults = BudgetSettings.NONE.perUser(credits("10"), null);
        PictoryClient a = client("a", defaults, VirtualScheduler.manual());
        PictoryClient b = client("b", defaults, VirtualScheduler.manual());
        Spender alice = Spender.user("alice");
        b.chargedTo(alice).submit(TWO_CREDITS);

        a.setLimits(alice.userScope(), new BudgetSettings.Limits(credits("4"), null));
        b.chargedTo(alice).submit(TWO_CREDITS);
        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> b.chargedTo(alice).submit(TWO_CREDITS));

        assertCredits("4", refused.refusal().limit(), "the limit a set, as b applies it");
        assertEquals(a.limitOverrides(), b.limitOverrides());
        assertEquals(2, submissionsSent());
    }
}
