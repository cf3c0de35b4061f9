package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The credit budget with any store (see {@link InMemoryBudgetTest}, {@link H2BudgetTest},
 * {@link PostgresBudgetTest}): reservations that no burst can overshoot, settlement by what Pictory
 * reports, releases, periods that roll over on the test's clock, and models without a price.
 */
abstract class BudgetContract {

    static final String IMAGES = RestClients.IMAGES;
    static final Duration INTERVAL = Duration.ofSeconds(15);
    static final ImageRequest TWO_CREDITS = ImageRequest.builder("A lighthouse at dawn").model(ImageModel.SEEDREAM_3_0).build();

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final VirtualScheduler time = VirtualScheduler.manual();
    final List<PictoryClient> clients = new CopyOnWriteArrayList<>();

    /** Gives {@code builder} the store under test (the same database for every client of a test). */
    abstract PictoryClientBuilder store(PictoryClientBuilder builder);

    @AfterEach
    void closeClients() {
        clients.forEach(PictoryClient::close);
    }

    PictoryClient client(String instance, BudgetSettings budget) {
        return client(instance, budget, time);
    }

    PictoryClient client(String instance, BudgetSettings budget, VirtualScheduler scheduler) {
        return client(instance, budget, scheduler, INTERVAL);
    }

    PictoryClient client(String instance, BudgetSettings budget, VirtualScheduler scheduler, Duration pollInterval) {
        PictoryClient client = store(PictoryClient.builder().api(RestClients.api(pictory.baseUrl())).apiKey(RestClients.KEY)
                .settings(new PictorySettings(pollInterval, Duration.ofMinutes(10), RetryPolicy.none()))
                .scheduler(scheduler).clock(scheduler.clock()).jitter(() -> 0).owner(instance).budget(budget)
                // A model outside Pictory's list reaches the budget only past validation: let every call through.
                .validator(Unvalidated.VALIDATOR)).build();
        clients.add(client);
        return client;
    }

    /** A client that checks the contract's constraints, as applications get it (the others let every call through). */
    PictoryClient validatingClient() {
        PictoryClient client = store(PictoryClient.builder().api(RestClients.api(pictory.baseUrl())).apiKey(RestClients.KEY)
                .scheduler(time).clock(time.clock()).owner("a").budget(BudgetSettings.NONE)).build();
        clients.add(client);
        return client;
    }

    /** Each submission creates a job of its own. */
    static void pictoryCreatesJobs() {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-{{randomValue length=16"
                + " type='ALPHANUMERIC'}}\"}}").withTransformers("response-template")));
        pictory.stubFor(get(urlPathMatching("/pictoryapis/v1/jobs/.*"))
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"in-progress\"}}")));
    }

    static void jobEnds(String jobId, String data) {
        pictory.stubFor(get("/pictoryapis/v1/jobs/" + jobId).willReturn(okJson("{\"job_id\":\"" + jobId
                + "\",\"success\":true,\"data\":" + data + "}")));
    }

    static int submissionsSent() {
        return pictory.findAll(postRequestedFor(urlEqualTo(IMAGES))).size();
    }

    static BigDecimal credits(String amount) {
        return new BigDecimal(amount);
    }

    static void assertCredits(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": " + actual);
    }

    /**
     * {@code perClient} submissions from each client at once, released together; answers how many were
     * accepted, and checks that every other one was refused by the budget.
     */
    static int burst(List<PictoryClient> instances, int perClient) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(instances.size() * perClient);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (PictoryClient instance : instances) {
                for (int i = 0; i < perClient; i++) {
                    Callable<Boolean> submission = () -> {
                        go.await();
                        try {
                            instance.submit(TWO_CREDITS);
                            return true;
                        } catch (PictoryBudgetExceededException refused) {
                            return false;
                        }
                    };
                    answers.add(threads.submit(submission));
                }
            }
            go.countDown();
            int accepted = 0;
            for (Future<Boolean> answer : answers) {
                accepted += answer.get() ? 1 : 0; // any other failure fails the test here
            }
            return accepted;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBurstOfFiftyThreadsSendsExactlyWhatTheBudgetAllows() throws Exception {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.of(credits("20"), null)); // ten images at 2 credits

        assertEquals(10, burst(List.of(client), 50));

        assertEquals(10, submissionsSent());
        CreditUsage usage = client.usage();
        assertCredits("20", usage.today().reserved(), "reserved");
        assertCredits("0", usage.today().left(), "left");
    }

    @Test
    void aRefusalSaysTheLimitWhatIsSpentAndReservedAndWhenThePeriodResets() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", new BudgetSettings(credits("3"), null, ZoneId.of("Europe/Paris")));
        client.submit(TWO_CREDITS);

        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> client.submit(TWO_CREDITS));

        assertEquals(1, submissionsSent(), "nothing sent for the refused one");
        assertEquals(PictoryBudgetExceededException.Period.DAY, refused.refusal().period());
        assertCredits("3", refused.refusal().limit(), "limit");
        assertCredits("0", refused.refusal().spent(), "spent");
        assertCredits("2", refused.refusal().reserved(), "reserved");
        assertCredits("2", refused.refusal().requested(), "requested");
        // The virtual clock starts at 2026-01-01T00:00Z, 01:00 in Paris: the day ends at midnight, Paris time.
        assertEquals(Instant.parse("2026-01-01T23:00:00Z"), refused.refusal().resetsAt());
        String message = refused.getMessage();
        for (String part : List.of("needs 2 credits", "0 are spent and 2 reserved of 3", "pictory.budget.daily-credits",
                "PICTORY_BUDGET_DAILY_CREDITS", "resets at 2026-01-01T23:00:00Z", "Nothing was sent to Pictory")) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
    }

    @Test
    void theEndSettlesTheReservationWithTheCreditsPictoryReports() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.of(credits("10"), credits("100")));
        String jobId = client.submit(TWO_CREDITS);
        assertCredits("2", client.usage().today().reserved(), "reserved while it runs");

        jobEnds(jobId, "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/a.png\",\"width\":1024,"
                + "\"height\":1024,\"aiCreditsUsed\":1.5}");
        client.awaitJobAsync(jobId);
        time.advance(INTERVAL);

        CreditUsage usage = client.usage();
        assertCredits("1.5", usage.today().spent(), "spent today");
        assertCredits("0", usage.today().reserved(), "reserved today");
        assertCredits("1.5", usage.month().spent(), "spent this month");
        assertCredits("8.5", usage.today().left(), "left today");
        assertCredits("98.5", usage.month().left(), "left this month");
        assertCredits("1.5", usage.days().get(CreditUsage.DAYS - 1).spent(), "today's bar");
        client.getJob(jobId); // the ended job read twice more: each read goes through the store's record of it
        client.getJob(jobId);
        time.advance(INTERVAL.multipliedBy(3));
        assertCredits("1.5", client.usage().today().spent(), "settled once, however often the job is seen");
        assertCredits("0", client.usage().today().reserved(), "nothing reserved again");
    }

    static final Spender ALICE = Spender.user("alice").team("design");
    static final Spender BOB = Spender.user("bob").team("design");
    static final Spender CAROL = Spender.user("carol").team("design");
    static final Spender DAVE = Spender.user("dave").team("marketing");

    @Test
    void aUsersLimitRefusesThatUserAloneNamingTheScopeAndItsSetting() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.NONE.perUser(credits("4"), null));
        ImageService alice = client.chargedTo(ALICE);
        alice.submit(TWO_CREDITS);
        alice.submit(TWO_CREDITS);

        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> alice.submit(TWO_CREDITS));

        assertEquals(BudgetScope.user("alice"), refused.refusal().scope());
        assertEquals(BudgetSettings.USER_DAILY_CREDITS, refused.refusal().setting());
        assertCredits("4", refused.refusal().reserved(), "alice's reserved");
        for (String part : List.of("daily credit budget of user 'alice' is used up", "pictory.budget.user.daily-credits",
                "PICTORY_BUDGET_USER_DAILY_CREDITS", "Nothing was sent to Pictory")) {
            assertTrue(refused.getMessage().contains(part), "'" + part + "' in: " + refused.getMessage());
        }
        client.chargedTo(BOB).submit(TWO_CREDITS); // another user of the same team still spends
        client.submit(TWO_CREDITS); // and so does the application on its own account
        assertEquals(4, submissionsSent());
        CreditUsage aliceUsage = client.usage(BudgetScope.user("alice"));
        assertCredits("4", aliceUsage.today().reserved(), "alice's day");
        assertCredits("4", aliceUsage.today().limit(), "alice's limit");
        assertCredits("0", aliceUsage.today().left(), "alice's left");
        assertCredits("2", client.usage(BudgetScope.user("bob")).today().reserved(), "bob's day");
        assertCredits("6", client.usage(BudgetScope.team("design")).month().reserved(), "the team's month");
        assertCredits("8", client.usage().today().reserved(), "the application's day counts every submission");
    }

    @Test
    void aTeamsLimitHoldsAcrossItsUsersAndARefusalKeepsNothingInAnyScope() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.of(credits("100"), null).perUser(credits("10"), null)
                .perTeam(null, credits("6")));
        client.chargedTo(ALICE).submit(TWO_CREDITS);
        client.chargedTo(ALICE).submit(TWO_CREDITS);
        client.chargedTo(BOB).submit(TWO_CREDITS);

        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class,
                () -> client.chargedTo(CAROL).submit(TWO_CREDITS));

        assertEquals(BudgetScope.team("design"), refused.refusal().scope());
        assertEquals(PictoryBudgetExceededException.Period.MONTH, refused.refusal().period());
        assertEquals(BudgetSettings.TEAM_MONTHLY_CREDITS, refused.refusal().setting());
        assertCredits("0", client.usage(BudgetScope.user("carol")).today().reserved(), "carol's day took nothing");
        assertCredits("0", client.usage(BudgetScope.user("carol")).month().reserved(), "nor her month");
        assertCredits("6", client.usage().today().reserved(), "nor the application's day");
        client.chargedTo(DAVE).submit(TWO_CREDITS); // another team still spends
        assertEquals(4, submissionsSent());
    }

    @Test
    void theEndSettlesTheReservationInEveryScopeOnce() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.of(credits("10"), null).perUser(credits("5"), null)
                .perTeam(credits("8"), null));
        String jobId = client.chargedTo(ALICE).submit(TWO_CREDITS);

        jobEnds(jobId, "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/s.png\",\"aiCreditsUsed\":1.5}");
        client.awaitJobAsync(jobId);
        time.advance(INTERVAL);
        client.getJob(jobId);
        time.advance(INTERVAL.multipliedBy(2));

        for (BudgetScope scope : List.of(BudgetScope.application(), BudgetScope.user("alice"), BudgetScope.team("design"))) {
            CreditUsage usage = client.usage(scope);
            assertCredits("1.5", usage.today().spent(), scope.describe() + " spent today");
            assertCredits("0", usage.today().reserved(), scope.describe() + " reserved today");
            assertCredits("1.5", usage.month().spent(), scope.describe() + " spent this month");
        }
        assertCredits("3.5", client.usage(BudgetScope.user("alice")).today().left(), "alice's left");
        assertCredits("0", client.usage(BudgetScope.user("bob")).today().spent(), "bob spent nothing");
    }

    @Test
    void aViewChargedToASpenderIsCheckedByTheContractAndClosesNothing() {
        pictoryCreatesJobs();
        PictoryClient client = validatingClient();
        assertThrows(jakarta.validation.ConstraintViolationException.class, () -> client.chargedTo(null));
        PictoryClient alice = client.chargedTo(ALICE);
        assertThrows(jakarta.validation.ConstraintViolationException.class,
                () -> alice.submit(ImageRequest.builder("ab").build()), "the view validates as the client does");
        alice.close();
        assertTrue(alice.toString().contains("charged to user 'alice'"), alice.toString());
        client.submit(TWO_CREDITS); // the client still works
        assertEquals(1, submissionsSent());
    }

    @Test
    void aUsersOrTeamsOwnLimitsReplaceTheDefaultsFromTheNextSubmissionUntilRemoved() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.NONE.perUser(credits("4"), null));
        ImageService alice = client.chargedTo(ALICE);
        alice.submit(TWO_CREDITS);
        alice.submit(TWO_CREDITS);
        assertThrows(PictoryBudgetExceededException.class, () -> alice.submit(TWO_CREDITS));

        client.setLimits(BudgetScope.user("alice"), new BudgetSettings.Limits(credits("6"), null));
        alice.submit(TWO_CREDITS); // no restart
        PictoryBudgetExceededException refused = assertThrows(PictoryBudgetExceededException.class, () -> alice.submit(TWO_CREDITS));
        assertCredits("6", refused.refusal().limit(), "alice's own limit");
        assertCredits("6", client.usage(BudgetScope.user("alice")).today().limit(), "her usage shows it");
        assertEquals(Map.of(BudgetScope.user("alice"), new BudgetSettings.Limits(credits("6"), null)), client.limitOverrides());

        client.setLimits(BudgetScope.team("design"), new BudgetSettings.Limits(null, credits("7"))); // alice has 6
        PictoryBudgetExceededException team = assertThrows(PictoryBudgetExceededException.class,
                () -> client.chargedTo(BOB).submit(TWO_CREDITS));
        assertEquals(BudgetScope.team("design"), team.refusal().scope());
        assertTrue(client.removeLimits(BudgetScope.team("design")));
        assertFalse(client.removeLimits(BudgetScope.team("design")), "nothing left to remove");
        client.chargedTo(BOB).submit(TWO_CREDITS);
        assertTrue(client.removeLimits(BudgetScope.user("alice")));
        assertCredits("4", client.usage(BudgetScope.user("alice")).today().limit(), "the default again");
        assertEquals(4, submissionsSent());
    }

    @Test
    void whoSpentWhatListsEachSpendersJobsAndRanksUsersAndTeamsByThisMonthsCredits() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.NONE);
        List<String> ids = new ArrayList<>();
        for (ImageService spender : List.of(client.chargedTo(ALICE), client.chargedTo(ALICE), client.chargedTo(BOB),
                client.chargedTo(DAVE), client)) {
            ids.add(spender.submit(TWO_CREDITS));
            time.advance(Duration.ofSeconds(1)); // "newest first" needs times apart
        }
        String alice1 = ids.get(0), alice2 = ids.get(1), bob = ids.get(2), dave = ids.get(3), application = ids.get(4);

        assertEquals(List.of(alice2, alice1), jobIds(client.jobs(BudgetScope.user("alice"), 10)), "alice's, newest first");
        assertEquals(List.of(alice2), jobIds(client.jobs(BudgetScope.user("alice"), 1)), "the limit holds");
        assertEquals(List.of(bob, alice2, alice1), jobIds(client.jobs(BudgetScope.team("design"), 10)));
        assertEquals(List.of(), client.jobs(BudgetScope.user("carol"), 10), "carol spent nothing");
        assertEquals(List.of(application, dave, bob, alice2, alice1), jobIds(client.jobs(BudgetScope.application(), 10)));
        assertEquals(ALICE, client.job(alice1).orElseThrow().spender());
        assertEquals(java.util.Optional.of(DAVE), client.job(dave).orElseThrow().chargedTo());
        assertNull(client.job(application).orElseThrow().spender(), "the application alone paid");

        List<ScopeUsage> users = client.topSpenders(BudgetScope.Kind.USER, 2);
        assertEquals(List.of(BudgetScope.user("alice"), BudgetScope.user("bob")), users.stream().map(ScopeUsage::scope).toList(),
                "most first, then ties (bob and dave) by name");
        assertCredits("4", users.get(0).monthTotal(), "alice's month");
        assertCredits("4", users.get(0).usage().today().reserved(), "alice's day");
        List<ScopeUsage> teams = client.topSpenders(BudgetScope.Kind.TEAM, 10);
        assertEquals(List.of(BudgetScope.team("design"), BudgetScope.team("marketing")),
                teams.stream().map(ScopeUsage::scope).toList());
        assertCredits("6", teams.get(0).monthTotal(), "design's month");
        IllegalArgumentException application2 = assertThrows(IllegalArgumentException.class,
                () -> client.topSpenders(BudgetScope.Kind.APPLICATION, 10));
        assertTrue(application2.getMessage().startsWith("topSpenders.kind:"), application2.getMessage());
    }

    static List<String> jobIds(List<JobRecord> records) {
        return records.stream().map(JobRecord::jobId).toList();
    }

    @Test
    void withTeamsListedAnUnknownTeamIsRefusedNamingTheSettingAndNothingIsStoredOrSent() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.NONE.teams(List.of("design", "marketing")));
        IllegalArgumentException charged = assertThrows(IllegalArgumentException.class,
                () -> client.chargedTo(Spender.user("erin").team("sales")));
        IllegalArgumentException limits = assertThrows(IllegalArgumentException.class,
                () -> client.setLimits(BudgetScope.team("sales"), new BudgetSettings.Limits(credits("5"), null)));

        for (IllegalArgumentException refused : List.of(charged, limits)) {
            for (String part : List.of("team 'sales' is not one of pictory.budget.teams (design, marketing)",
                    "PICTORY_BUDGET_TEAMS", "Nothing was stored or sent")) {
                assertTrue(refused.getMessage().contains(part), "'" + part + "' in: " + refused.getMessage());
            }
        }
        assertTrue(charged.getMessage().startsWith("Spender.team:"), charged.getMessage());
        assertTrue(limits.getMessage().startsWith("setLimits.scope:"), limits.getMessage());
        assertEquals(Map.of(), client.limitOverrides());
        client.chargedTo(DAVE).submit(TWO_CREDITS); // a listed team spends
        client.setLimits(BudgetScope.user("erin"), new BudgetSettings.Limits(credits("5"), null)); // users are not listed
        assertEquals(1, submissionsSent());
        assertTrue(client.topSpenders(BudgetScope.Kind.TEAM, 10).stream().noneMatch(usage -> usage.scope().name().equals("sales")));
    }

    @Test
    void limitsThatCannotBeKeptAreRefusedNamingTheFieldAndNothingIsStored() {
        PictoryClient client = validatingClient();
        jakarta.validation.ConstraintViolationException negative = assertThrows(jakarta.validation.ConstraintViolationException.class,
                () -> client.setLimits(BudgetScope.user("alice"), new BudgetSettings.Limits(credits("-1"), null)));
        assertEquals("setLimits.limits.dailyCredits", negative.getConstraintViolations().iterator().next().getPropertyPath().toString());
        IllegalArgumentException application = assertThrows(IllegalArgumentException.class,
                () -> client.setLimits(BudgetScope.application(), new BudgetSettings.Limits(credits("1"), null)));
        assertTrue(application.getMessage().contains("pictory.budget.daily-credits"), application.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> BudgetScope.user("x".repeat(Spender.MAX_USER + 1)));
        assertTrue(tooLong.getMessage().contains("BudgetScope.name must be 1 to 128 characters"), tooLong.getMessage());
        assertEquals(Map.of(), client.limitOverrides());
        assertEquals(0, pictory.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aFailedJobThatReportsNoCreditsIsReleasedAndOneThatReportsSomeIsCharged() {
        pictoryCreatesJobs();
        PictoryClient client = client("a", BudgetSettings.of(credits("10"), null));
        String free = client.submit(TWO_CREDITS);
        String charged = client.submit(TWO_CREDITS);
        jobEnds(free, "{\"status\":\"failed\",\"error_code\":\"E1\",\"error_message\":\"no\"}");
        jobEnds(charged, "{\"status\":\"failed\",\"error_code\":\"E2\",\"error_message\":\"late\",\"aiCreditsUsed\":0.5}");
        client.awaitJobAsync(free);
        client.awaitJobAsync(charged);
        time.advance(INTERVAL);

        assertCredits("0.5", client.usage().today().spent(), "spent");
        assertCredits("0", client.usage().today().reserved(), "reserved");
    }

    @Test
    void aSubmissionPictoryRefusedIsReleasedAndOneWithAnUnknownOutcomeStaysReserved() {
        PictoryClient client = client("a", BudgetSettings.of(credits("10"), null));
        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INVALID_REQUEST_BODY\",\"message\":\"no\",\"fields\":[]}")));
        assertThrows(PictoryBadRequestException.class, () -> client.submit(TWO_CREDITS));
        assertCredits("0", client.usage().today().reserved(), "a refusal is released");

        pictory.stubFor(post(IMAGES).willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
        assertThrows(PictoryTimeoutException.class, () -> client.submit(TWO_CREDITS));
        assertCredits("2", client.usage().today().reserved(), "Pictory may have charged it: it stays reserved");
    }

    @Test
    void daysAndMonthsRollOverOnTheClockInTheBudgetsTimeZone() {
        pictoryCreatesJobs();
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-01-01T00:00Z is still 31 December in New York: a day and a month end five hours later. (Polls
        // every 12 hours: days pass here, and the jobs never end.)
        PictoryClient client = client("a", new BudgetSettings(credits("4"), credits("6"), newYork), time,
                Duration.ofHours(12));
        client.submit(TWO_CREDITS);
        client.submit(TWO_CREDITS);
        PictoryBudgetExceededException day = assertThrows(PictoryBudgetExceededException.class, () -> client.submit(TWO_CREDITS));
        assertEquals(PictoryBudgetExceededException.Period.DAY, day.refusal().period());
        assertEquals(Instant.parse("2026-01-01T05:00:00Z"), day.refusal().resetsAt());
        assertEquals("2025-12-31", client.usage().today().name());

        time.advance(Duration.ofHours(5)); // midnight in New York: a new day and a new month
        assertEquals("2026-01-01", client.usage().today().name());
        assertEquals("2026-01", client.usage().month().name());
        assertCredits("0", client.usage().today().reserved(), "a new day");
        client.submit(TWO_CREDITS);
        client.submit(TWO_CREDITS);

        time.advance(Duration.ofDays(1));
        client.submit(TWO_CREDITS);
        PictoryBudgetExceededException month = assertThrows(PictoryBudgetExceededException.class,
                () -> client.submit(TWO_CREDITS));
        assertEquals(PictoryBudgetExceededException.Period.MONTH, month.refusal().period(), "2 left today, none this month");
        assertCredits("6", month.refusal().reserved(), "the month's reservations");
        assertEquals(Instant.parse("2026-02-01T05:00:00Z"), month.refusal().resetsAt());
        assertCredits("4", client.usage().days().get(CreditUsage.DAYS - 2).reserved(), "yesterday's bar");
        assertCredits("2", client.usage().days().get(CreditUsage.DAYS - 1).reserved(), "today's bar");
        assertEquals(5, submissionsSent(), "two on the 31st, two on the 1st, one on the 2nd");
    }

    @Test
    void simulatedCreditsAreCountedApartInEveryScopeAndNoLimitRefusesThem() {
        pictoryCreatesJobs();
        // Every limit would refuse the second submission of real credits.
        PictoryClient client = client("a", BudgetSettings.of(credits("3"), credits("3")).perUser(credits("2"), null)
                .perTeam(null, credits("2")).simulated(true));
        ImageService alice = client.chargedTo(ALICE);
        String first = alice.submit(TWO_CREDITS);
        alice.submit(TWO_CREDITS);
        alice.submit(TWO_CREDITS);
        client.submit(TWO_CREDITS); // the application's own account too

        assertEquals(4, submissionsSent(), "none refused");
        CreditUsage application = client.usage();
        assertCredits("8", application.today().simulated(), "the application's simulated day");
        assertCredits("8", application.month().simulated(), "and month");
        assertCredits("0", application.today().spent(), "nothing spent");
        assertCredits("0", application.today().reserved(), "nothing reserved");
        assertCredits("3", application.today().left(), "the limit is untouched");
        assertCredits("8", application.days().get(CreditUsage.DAYS - 1).simulated(), "today's bar");
        assertCredits("0", application.days().get(CreditUsage.DAYS - 1).reserved(), "today's bar, reserved");
        for (BudgetScope scope : List.of(BudgetScope.user("alice"), BudgetScope.team("design"))) {
            CreditUsage usage = client.usage(scope);
            assertCredits("6", usage.today().simulated(), scope.describe() + " simulated today");
            assertCredits("6", usage.month().simulated(), scope.describe() + " simulated this month");
            assertCredits("0", usage.today().reserved(), scope.describe() + " reserved today");
            assertCredits("0", usage.month().spent(), scope.describe() + " spent this month");
        }
        List<ScopeUsage> users = client.topSpenders(BudgetScope.Kind.USER, 10);
        assertEquals(List.of(BudgetScope.user("alice")), users.stream().map(ScopeUsage::scope).toList(),
                "a simulator's users are ranked by their simulated credits");
        assertCredits("6", users.get(0).monthTotal(), "alice's simulated month");

        jobEnds(first, "{\"status\":\"completed\",\"url\":\"" + pictory.baseUrl() + "/cdn/s.png\",\"aiCreditsUsed\":1.5}");
        client.awaitJobAsync(first);
        time.advance(INTERVAL);
        client.getJob(first);
        time.advance(INTERVAL.multipliedBy(2));

        for (BudgetScope scope : List.of(BudgetScope.application(), BudgetScope.user("alice"), BudgetScope.team("design"))) {
            CreditUsage usage = client.usage(scope);
            String expected = scope.kind() == BudgetScope.Kind.APPLICATION ? "7.5" : "5.5";
            assertCredits(expected, usage.today().simulated(), scope.describe() + ": settled with what was reported, once");
            assertCredits("0", usage.today().spent(), scope.describe() + " spent nothing real");
        }
        ImageRequest unpriced = ImageRequest.builder("A lighthouse at dawn").model("imagen-9").aspectRatio("1:1").build();
        client.submit(unpriced); // no limit applies to simulated credits: nothing to check it against
        assertEquals(5, submissionsSent());
    }

    @Test
    void aModelWithoutAPriceIsRefusedWhileABudgetIsSetAndSentWithoutOne() {
        pictoryCreatesJobs();
        ImageRequest unpriced = ImageRequest.builder("A lighthouse at dawn").model("imagen-9").aspectRatio("1:1").build();
        PictoryClient limited = client("a", BudgetSettings.of(null, credits("100")));

        PictoryBudgetException refused = assertThrows(PictoryBudgetException.class, () -> limited.submit(unpriced));

        assertTrue(refused.getMessage().contains("'imagen-9' has no known price"), refused.getMessage());
        assertTrue(refused.getMessage().contains("pictory.budget.monthly-credits=100 (env PICTORY_BUDGET_MONTHLY_CREDITS)"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("DAILY"), "names only the limit that is set: " + refused.getMessage());
        pictory.verify(0, anyRequestedFor(anyUrl()));
        PictoryClient unlimited = client("b", BudgetSettings.NONE);
        unlimited.submit(unpriced);
        assertEquals(1, submissionsSent());
        assertNull(unlimited.usage().today().limit());
    }
}
