package io.github.pictory4j.images.client.internal.jdbc;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.BudgetScope;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.Spender;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.KeptImage;
import io.github.pictory4j.images.client.PictoryStoreException;
import io.github.pictory4j.images.client.UnknownOutcome;
import io.github.pictory4j.images.client.internal.budget.CreditReservation;
import io.github.pictory4j.images.client.internal.budget.PeriodTotals;
import io.github.pictory4j.images.client.internal.store.ImageVault;
import io.github.pictory4j.images.client.internal.store.Claims;
import io.github.pictory4j.images.client.internal.store.JobStore;
import io.github.pictory4j.images.client.internal.store.OpenJob;
import io.github.pictory4j.images.client.internal.submission.PendingSubmission;
import io.github.pictory4j.images.client.internal.images.PngCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the JDBC job store and image vault promise, run on each real database the module supports
 * (see {@link H2StoreTest} and {@link PostgresStoreTest}): the same SQL, the same answers.
 */
abstract class JdbcStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final ImageRequest REQUEST = ImageRequest.builder("A lighthouse at dawn").model(ImageModel.FLUX_SCHNELL).build();

    private TestDatabases.TestDatabase db;
    private Database database;
    private JobStore store;
    private ImageVault vault;

    abstract TestDatabases.Kind kind();

    @BeforeEach
    void createTables() {
        db = TestDatabases.create(kind());
        database = new Database(db.dataSource(), "test " + kind());
        Schema.ensure(database, true, T0);
        store = JdbcJobStore.open(database, "instance-a");
        vault = store.images();
    }

    @AfterEach
    void drop() {
        if (db != null) { // null when the database was not reachable and the test did not run
            db.close();
        }
    }

    private static PendingSubmission pending(String nonce) {
        return new PendingSubmission(REQUEST, new BigDecimal("0.6"), nonce, nonce == null ? null : T0.plus(Duration.ofHours(1)), T0);
    }

    private static ImageJob job(String jobId, JobStatus status) {
        return status == JobStatus.COMPLETED
                ? new ImageJob(jobId, status, "https://cdn.example/" + jobId + ".png", 1024, 576, new BigDecimal("0.6"), null, null)
                : new ImageJob(jobId, status, null, null, null, null, status == JobStatus.FAILED ? "E1" : null, null);
    }

    private String accepted(String jobId) {
        String submission = store.submissions().submissionStarting(pending(null));
        store.submissions().submissionAccepted(submission, jobId, T0.plusSeconds(1));
        return submission;
    }

    @Test
    void theSchemaIsCreatedOnceAndVersioned() {
        Schema.ensure(database, true, T0.plusSeconds(5)); // again: nothing to do
        assertEquals(Schema.VERSION, database.run("version", Schema::version));
        assertEquals(1, database.query("count", "SELECT COUNT(*) FROM pictory4j_schema", row -> row.getInt(1)).get(0));
    }

    @Test
    void aNewerSchemaIsRefusedAndMissingTablesNeedPermission() throws Exception {
        database.update("newer", "INSERT INTO pictory4j_schema (version, applied_at) VALUES (?, ?)", Schema.VERSION + 1, T0);
        PictoryStoreException newer = assertThrows(PictoryStoreException.class, () -> Schema.ensure(database, true, T0));
        assertTrue(newer.getMessage().contains("upgrade pictory4j"), newer.getMessage());

        try (TestDatabases.TestDatabase empty = TestDatabases.create(kind())) {
            PictoryStoreException missing = assertThrows(PictoryStoreException.class,
                    () -> Schema.ensure(new Database(empty.dataSource(), "empty"), false, T0));
            assertTrue(missing.getMessage().contains("pictory.store.create-schema is false"), missing.getMessage());
            assertTrue(missing.getMessage().contains("src/docs/durable-jobs.md"), missing.getMessage());
        }
    }

    private static final Instant RELEASE_NOW = Instant.parse("2026-11-20T09:35:00Z");

    /** A database as the release of 4369dfe wrote it (schema version 1), from its frozen script. */
    private static Database writtenBy4369dfe(TestDatabases.TestDatabase release) throws Exception {
        return writtenBy(release, "release-4369dfe.sql");
    }

    /** A database as an earlier release wrote it, from its frozen {@code script} (next to this class). */
    private static Database writtenBy(TestDatabases.TestDatabase release, String name) throws Exception {
        String script;
        try (InputStream in = JdbcStoreContract.class.getResourceAsStream(name)) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Database written = new Database(release.dataSource(), "written as " + name);
        written.run("writing the release's database", connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : Schema.statements(script)) {
                    statement.execute(sql);
                }
            }
            return null;
        });
        return written;
    }

    @Test
    void aDatabaseWrittenByTheReleaseOf4369dfeIsOpenedAndItsJobsCarryOn() throws Exception {
        try (TestDatabases.TestDatabase release = TestDatabases.create(kind())) {
            Database written = writtenBy4369dfe(release);
            // With no DDL allowed, it is refused with the setting and the fix, and left as it is.
            PictoryStoreException refused = assertThrows(PictoryStoreException.class,
                    () -> Schema.ensure(written, false, RELEASE_NOW));
            assertTrue(refused.getMessage().contains("schema version 1"), refused.getMessage());
            assertTrue(refused.getMessage().contains("set pictory.store.create-schema=true for one start"),
                    refused.getMessage());
            assertEquals(1, written.run("version", Schema::version));
            Schema.ensure(written, true, RELEASE_NOW); // upgraded, not refused
            assertEquals(Schema.VERSION, written.run("version", Schema::version));
            Schema.ensure(written, false, RELEASE_NOW); // and opened as it is from then on
            assertTheReleasesJobsCarryOn(written);
        }
    }

    @Test
    void aDatabaseAtSchemaVersion3IsUpgradedAndItsReservationsSettleWhereTheyWereTaken() throws Exception {
        try (TestDatabases.TestDatabase release = TestDatabases.create(kind())) {
            Database written = writtenBy(release, "release-85ff845.sql");
            PictoryStoreException refused = assertThrows(PictoryStoreException.class,
                    () -> Schema.ensure(written, false, RELEASE_NOW));
            assertTrue(refused.getMessage().contains("schema version 3"), refused.getMessage());
            List<SchemaUpgrade.Step> steps = SchemaUpgrade.steps(3);
            assertEquals(3, steps.size(), steps.toString());
            for (int done = 0; done < steps.size(); done++) { // each step can run again (H2 commits at each DDL)
                SchemaUpgrade.Step step = steps.get(done);
                written.inTransaction("step " + step, connection -> {
                    step.run(connection, SchemaUpgrade.oldColumns());
                    return null;
                });
            }
            assertEquals(3, written.run("version", Schema::version), "steps alone do not say they are done");

            Schema.ensure(written, true, RELEASE_NOW);

            assertEquals(Schema.VERSION, written.run("version", Schema::version));
            List<String> indexes = written.run("reading the indexes", JdbcStoreContract::jobIndexes);
            assertTrue(indexes.containsAll(List.of("pictory4j_job_spender_user", "pictory4j_job_spender_team")),
                    indexes.toString());
            JobStore opened = JdbcJobStore.open(written, "instance-a");
            assertEquals(Optional.of(Spender.user("alice").team("design")), opened.records().find("job-alice").orElseThrow().chargedTo());
            assertTrue(opened.records().claimEnd(job("job-alice", JobStatus.COMPLETED), RELEASE_NOW));
            List<PeriodTotals> real = opened.credits().periodTotals(
                    CreditReservation.periodNames("2026-11-20", "2026-11", "alice", "design", false));
            assertEquals(6, real.size(), real.toString());
            for (PeriodTotals period : real) {
                assertEquals(0, period.spent().compareTo(new BigDecimal("0.6")), period + ": spent what Pictory reported");
                assertEquals(0, period.reserved().signum(), period + ": the reservation taken before is settled");
            }
            assertEquals(List.of(), opened.credits().periodTotals(
                    CreditReservation.periodNames("2026-11-20", "2026-11", "alice", "design", true)),
                    "a row written before version 4 holds real credits");
        }
    }

    /** The names of pictory4j_job's indexes, in lower case. */
    private static List<String> jobIndexes(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
        for (String table : List.of("PICTORY4J_JOB", "pictory4j_job")) {
            try (java.sql.ResultSet rows = connection.getMetaData().getIndexInfo(connection.getCatalog(),
                    connection.getSchema(), table, false, false)) {
                while (rows.next()) {
                    if (rows.getString("INDEX_NAME") != null) {
                        names.add(rows.getString("INDEX_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void aSimulatedReservationIsHeldAndSettledInTheSimulatedPeriodsOnly() {
        Spender alice = Spender.user("alice").team("design");
        CreditReservation reservation = new CreditReservation(new BigDecimal("2"), "2026-11-25", "2026-11",
                T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(6)), alice, List.of(
                        new CreditReservation.ScopeLimits(BudgetScope.application(), new BigDecimal("1"), null),
                        new CreditReservation.ScopeLimits(alice.userScope(), new BigDecimal("1"), null),
                        new CreditReservation.ScopeLimits(alice.teamScope().orElseThrow(), null, new BigDecimal("1"))), true);
        String submission = store.submissions().submissionStarting(new PendingSubmission(ImageRequest.builder(
                "A lighthouse at dawn").model(ImageModel.SEEDREAM_3_0).build(), new BigDecimal("2"), null, null, T0,
                reservation, alice)); // over both limits: they do not apply to simulated credits
        store.submissions().submissionAccepted(submission, "job-simulated", T0);
        assertTrue(store.records().claimEnd(job("job-simulated", JobStatus.COMPLETED), T0.plusSeconds(5)));
        assertFalse(store.records().claimEnd(job("job-simulated", JobStatus.COMPLETED), T0.plusSeconds(6)));

        List<String> simulated = CreditReservation.periodNames("2026-11-25", "2026-11", "alice", "design", true);
        assertEquals(List.of("simulated/2026-11", "simulated/2026-11-25", "simulated/team/design/2026-11",
                "simulated/team/design/2026-11-25", "simulated/user/alice/2026-11", "simulated/user/alice/2026-11-25"),
                simulated);
        List<PeriodTotals> totals = store.credits().periodTotals(simulated);
        assertEquals(6, totals.size(), "every scope's day and month: " + totals);
        for (PeriodTotals period : totals) {
            assertEquals(0, period.spent().compareTo(new BigDecimal("0.6")), period + ": settled once");
            assertEquals(0, period.reserved().signum(), period.toString());
        }
        assertEquals(List.of(), store.credits().periodTotals(
                CreditReservation.periodNames("2026-11-25", "2026-11", "alice", "design", false)), "no real period");
    }

    @Test
    void anUpgradeCutShortAfterAnyStepIsFinishedByTheNextStart() throws Exception {
        // H2 commits at each DDL statement: a JVM killed during the upgrade leaves the steps before it done.
        List<SchemaUpgrade.Step> steps = SchemaUpgrade.steps(1);
        assertTrue(steps.size() > 20, steps.toString());
        for (int done = 1; done <= steps.size(); done++) {
            // PostgreSQL upgrades in one transaction, so a cut there is only a check that the steps can run again:
            // a few points do (each costs a schema, about a second); H2, which commits at each DDL, tries them all.
            if (kind() == TestDatabases.Kind.POSTGRESQL && done % 6 != 0 && done != steps.size()) {
                continue;
            }
            try (TestDatabases.TestDatabase release = TestDatabases.create(kind())) {
                Database written = writtenBy4369dfe(release);
                List<String> oldColumns = SchemaUpgrade.oldColumns();
                for (SchemaUpgrade.Step step : steps.subList(0, done)) {
                    written.inTransaction("step " + step, connection -> {
                        step.run(connection, oldColumns);
                        return null;
                    });
                }
                assertEquals(1, written.run("version", Schema::version));

                Schema.ensure(written, true, RELEASE_NOW);

                assertEquals(Schema.VERSION, written.run("version", Schema::version), "cut after " + steps.get(done - 1));
                assertTheReleasesJobsCarryOn(written);
            }
        }
    }

    @Test
    void instancesStartingTogetherOnTheReleasesDatabaseUpgradeItOnce() throws Exception {
        try (TestDatabases.TestDatabase release = TestDatabases.create(kind())) {
            writtenBy4369dfe(release);
            int instances = 4;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            try {
                List<Future<?>> starts = new java.util.ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    Database own = new Database(release.dataSource(), "instance " + i);
                    starts.add(pool.submit(() -> {
                        go.await();
                        Schema.ensure(own, true, RELEASE_NOW);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> start : starts) {
                    start.get(); // none of them fails
                }
            } finally {
                pool.shutdownNow();
            }
            Database written = new Database(release.dataSource(), "after the starts");
            assertEquals(List.of(1, Schema.VERSION), written.query("versions", "SELECT version FROM pictory4j_schema ORDER BY version",
                    row -> row.getInt(1)));
            assertTheReleasesJobsCarryOn(written);
        }
    }

    /** The jobs of release-4369dfe.sql, read and carried on through the upgraded tables. */
    private static void assertTheReleasesJobsCarryOn(Database written) {
        Instant now = RELEASE_NOW;
        JobStore opened = JdbcJobStore.open(written, "instance-a");
        ImageVault keptBy = opened.images();

        assertEquals(List.of(new OpenJob("job-running", true)), opened.records().unfinished());
        assertEquals(Optional.of("job-running"), opened.callbacks().jobForCallback("nonce-running", "job-running", now));
        Instant beforeExpiry = Instant.parse("2026-11-20T09:30:30Z");
        assertFalse(opened.claims().holdPollLease("job-running", "instance-b", beforeExpiry, beforeExpiry.plusSeconds(30)),
                "the lease carried over: held by its instance until it expires");
        assertTrue(opened.claims().holdPollLease("job-running", "instance-a", now, now.plusSeconds(30)),
                "the lease of the instance that is gone expired");
        assertTrue(opened.records().claimEnd(job("job-running", JobStatus.COMPLETED), now));
        for (PeriodTotals period : opened.credits().periodTotals(List.of("2026-11-20", "2026-11"))) {
            assertEquals(0, period.spent().compareTo(new BigDecimal("1.2")), period + ": spent what Pictory reported");
            assertEquals(0, period.reserved().signum(), period + ": the reservation made before is settled");
        }
        assertEquals(List.of("job-ended", "job-running"), keptBy.due(now, 10));
        JobRecord ended = opened.records().find("job-ended").orElseThrow();
        assertEquals(JobStatus.COMPLETED, ended.lastSeen().status());
        assertEquals("A harbour at noon", ended.submittedRequest().orElseThrow().prompt());
        assertEquals(JobRecord.KeptImageState.Status.PENDING, ended.image().status());
        io.github.pictory4j.images.client.JobRequest running = opened.records().find("job-running").orElseThrow().submittedRequest().orElseThrow();
        assertEquals(ImageRequest.builder("A lighthouse at dawn").model(io.github.pictory4j.images.client.ImageModel.of(
                "seedream-3.0")).aspectRatio(io.github.pictory4j.images.client.AspectRatio.of("16:9")).build(), running,
                "its request, from its six columns to its JSON");
        assertTrue(opened.claims().unannouncedEnds(now).isEmpty(), "the end just recorded is claimed for its announcement");
    }

    @Test
    void aSubmissionIsRecordedBeforeItIsSentThenGetsItsJobId() {
        String submission = store.submissions().submissionStarting(pending(null));
        assertEquals(List.of(), store.records().newestFirst(10), "no job id yet: not a job");

        store.submissions().submissionAccepted(submission, "job-1", T0.plusSeconds(1));

        JobRecord record = store.records().find("job-1").orElseThrow();
        assertEquals("A lighthouse at dawn", record.request().prompt());
        assertEquals("flux-schnell", record.request().model().value());
        assertEquals(0, new BigDecimal("0.6").compareTo(record.estimatedCredits()));
        assertEquals(JobStatus.IN_PROGRESS, record.lastSeen().status());
        assertEquals(T0, record.createdAt());
        assertFalse(record.ended());
        assertEquals(List.of(new OpenJob("job-1", false)), store.records().unfinished());
    }

    @Test
    void refusedSubmissionsAreNotJobsAndUnknownOutcomesAreReported() {
        store.submissions().submissionRefused(store.submissions().submissionStarting(pending(null)), T0);
        String unknown = store.submissions().submissionStarting(pending(null));
        store.submissions().submissionOutcomeUnknown(unknown, "read timed out", T0.plusSeconds(60));
        String leftOver = store.submissions().submissionStarting(pending(null)); // the process died while sending it

        List<UnknownOutcome> outcomes = store.submissions().unknownOutcomes(T0.plusSeconds(1));

        assertEquals(java.util.Set.of(unknown, leftOver),
                outcomes.stream().map(UnknownOutcome::submissionId).collect(java.util.stream.Collectors.toSet()));
        assertEquals("read timed out", outcomes.stream().filter(o -> o.submissionId().equals(unknown)).findFirst()
                .orElseThrow().reason());
        assertEquals("A lighthouse at dawn", outcomes.get(0).request().prompt());
        assertEquals(List.of(unknown), store.submissions().unknownOutcomes(T0).stream().map(UnknownOutcome::submissionId).toList(),
                "one still being sent right now is not a leftover");
        assertTrue(store.records().newestFirst(10).isEmpty());
    }

    @Test
    void aCallbackTokenFindsItsJobAndMayBindOneThatOutranItsAnswer() {
        String bound = store.submissions().submissionStarting(pending("nonce-bound"));
        store.submissions().submissionAccepted(bound, "job-bound", T0);
        store.submissions().submissionStarting(pending("nonce-early"));

        assertEquals(Optional.of("job-bound"), store.callbacks().jobForCallback("nonce-bound", null, T0));
        assertEquals(Optional.of("job-bound"), store.callbacks().jobForCallback("nonce-bound", "job-other", T0), "bound stays bound");
        assertEquals(Optional.empty(), store.callbacks().jobForCallback("nonce-early", null, T0), "nothing to bind to");
        assertEquals(Optional.empty(), store.callbacks().jobForCallback("nonce-early", "job-early", T0.plus(Duration.ofHours(2))),
                "the token has expired");
        assertEquals(Optional.of("job-early"), store.callbacks().jobForCallback("nonce-early", "job-early", T0));
        assertEquals(Optional.of("job-early"), store.callbacks().jobForCallback("nonce-early", null, T0));
        assertEquals(Optional.empty(), store.callbacks().jobForCallback("never-issued", "job-bound", T0));
        assertTrue(store.callbacks().expectsCallback("job-bound"));
    }

    @Test
    void statesAreRecordedAndAJobOnlyWaitedForIsAdopted() {
        accepted("job-1");
        store.records().stateSeen(new ImageJob("job-1", JobStatus.of("queued"), null, null, null, null, null, null), T0.plusSeconds(2));
        store.records().stateSeen(job("job-external", JobStatus.IN_PROGRESS), T0.plusSeconds(3));

        assertEquals("queued", store.records().lastSeen("job-1").orElseThrow().status().value());
        JobRecord external = store.records().find("job-external").orElseThrow();
        assertEquals(null, external.request(), "not submitted here");
        assertEquals(List.of("job-external", "job-1"), store.records().newestFirst(10).stream().map(JobRecord::jobId).toList());
        assertEquals(List.of("job-external"), store.records().newestFirst(1).stream().map(JobRecord::jobId).toList());
    }

    @Test
    void anEndIsClaimedExactlyOnceHoweverManyRace() throws Exception {
        accepted("job-1");
        int racers = 16;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                JobStore instance = JdbcJobStore.open(database, "instance-" + i);
                Callable<Boolean> claim = () -> {
                    go.await();
                    return instance.records().claimEnd(job("job-1", JobStatus.COMPLETED), T0.plusSeconds(5));
                };
                claims.add(threads.submit(claim));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> claim : claims) {
                winners += claim.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            threads.shutdownNow();
        }
        JobRecord ended = store.records().find("job-1").orElseThrow();
        assertTrue(ended.ended());
        assertEquals(JobRecord.KeptImageState.Status.PENDING, ended.image().status(), "a completed job's image is due");
        assertTrue(store.records().unfinished().isEmpty());
        assertFalse(store.records().claimEnd(job("job-1", JobStatus.CLEANED), T0.plusSeconds(9)));
    }

    @Test
    void anEndWhoseEventWasNotRecordedIsLeftToAnnounceOnceItsClaimExpires() {
        accepted("job-1");
        accepted("job-2");
        assertTrue(store.records().claimEnd(job("job-1", JobStatus.COMPLETED), T0));
        assertTrue(store.records().claimEnd(job("job-2", JobStatus.FAILED), T0));
        store.claims().endAnnounced("job-2", T0);
        // job-1's announcer died before recording the event.

        assertTrue(store.claims().unannouncedEnds(T0.plusSeconds(10)).isEmpty(), "its claim still runs");
        Instant later = T0.plus(Claims.ANNOUNCEMENT_CLAIM).plusSeconds(1);
        assertEquals(List.of("job-1"), store.claims().unannouncedEnds(later).stream().map(ImageJob::jobId).toList());
        assertTrue(store.claims().claimAnnouncement("job-1", "instance-b", later, later.plusSeconds(60)));
        assertFalse(store.claims().claimAnnouncement("job-1", "instance-c", later, later.plusSeconds(60)), "claimed already");
        store.claims().endAnnounced("job-1", later);
        assertTrue(store.claims().unannouncedEnds(later.plus(Duration.ofHours(1))).isEmpty());
    }

    @Test
    void anAcceptanceWrittenLateJoinsTheJobReadMeanwhile() {
        String submission = store.submissions().submissionStarting(pending(null));
        store.records().stateSeen(job("job-1", JobStatus.IN_PROGRESS), T0.plusSeconds(2)); // the id could not be written in time

        store.submissions().submissionAccepted(submission, "job-1", T0.plusSeconds(3));

        assertEquals(1, store.records().newestFirst(10).size());
        assertEquals("A lighthouse at dawn", store.records().find("job-1").orElseThrow().request().prompt());
    }

    @Test
    void aKeptImageStreamsBackWholeWithItsRealSize() throws Exception {
        accepted("job-1");
        store.records().claimEnd(job("job-1", JobStatus.COMPLETED), T0);
        byte[] png = png(700, 300);
        assertTrue(png.length > 3 * JdbcImageVault.CHUNK_BYTES, "several chunks: " + png.length);
        assertEquals(List.of("job-1"), vault.due(T0, 10));
        ImageVault.Download download = vault.claim("job-1", "instance-a", T0, T0.plusSeconds(120)).orElseThrow();
        assertEquals("https://cdn.example/job-1.png", download.url());
        assertTrue(vault.claim("job-1", "instance-b", T0, T0.plusSeconds(120)).isEmpty(), "one download at a time");

        vault.keep("job-1", new PngCheck(new ByteArrayInputStream(png), 10_000_000).readHeader(), T0.plusSeconds(2));

        KeptImage kept = vault.find("job-1").orElseThrow();
        assertEquals(700, kept.width());
        assertEquals(300, kept.height());
        assertEquals(png.length, kept.sizeBytes());
        assertEquals("image/png", kept.contentType());
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        kept.writeTo(copy);
        assertArrayEquals(png, copy.toByteArray());
        try (InputStream stream = kept.openStream()) {
            assertArrayEquals(png, stream.readAllBytes());
        }
        assertEquals(JobRecord.KeptImageState.Status.KEPT, store.records().find("job-1").orElseThrow().image().status());
        assertTrue(vault.due(T0.plus(Duration.ofDays(1)), 10).isEmpty());
    }

    @Test
    void aDownloadThatBreaksOffKeepsNothing() throws Exception {
        accepted("job-1");
        store.records().claimEnd(job("job-1", JobStatus.COMPLETED), T0);
        byte[] png = png(700, 300);
        InputStream breaksOff = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served >= 100_000) {
                    throw new IOException("connection reset");
                }
                return png[served++] & 0xFF;
            }
        };
        vault.claim("job-1", "instance-a", T0, T0.plusSeconds(120)).orElseThrow();

        assertThrows(IOException.class, () -> vault.keep("job-1", new PngCheck(breaksOff, 10_000_000).readHeader(), T0));

        assertTrue(vault.find("job-1").isEmpty());
        assertEquals(0, database.query("chunks", "SELECT COUNT(*) FROM pictory4j_image_chunk", row -> row.getInt(1)).get(0));
        vault.failed("job-1", "connection reset", T0.plusSeconds(5), T0);
        assertTrue(vault.due(T0.plusSeconds(4), 10).isEmpty(), "not before its retry time");
        assertEquals(List.of("job-1"), vault.due(T0.plusSeconds(5), 10));
        assertEquals(1, vault.claim("job-1", "instance-a", T0.plusSeconds(5), T0.plusSeconds(60)).orElseThrow().attempts());
        vault.failed("job-1", "not a PNG", null, T0.plusSeconds(6));
        assertEquals(JobRecord.KeptImageState.Status.FAILED, store.records().find("job-1").orElseThrow().image().status());
        assertEquals("not a PNG", store.records().find("job-1").orElseThrow().image().problem());
        assertTrue(vault.due(T0.plus(Duration.ofDays(1)), 10).isEmpty(), "given up");
    }

    @Test
    void somethingThatIsNotAPngOrTooLargeIsRefusedAsItStreams() throws Exception {
        assertThrows(PngCheck.NotAcceptable.class, () -> new PngCheck(new ByteArrayInputStream(
                "<html>Just a moment...</html>".getBytes()), 1_000_000).readHeader());
        byte[] png = png(700, 300);
        PngCheck capped = new PngCheck(new ByteArrayInputStream(png), 50_000).readHeader();
        assertThrows(PngCheck.NotAcceptable.class, () -> capped.transferTo(OutputStreamNull.INSTANCE));
    }

    @Test
    void deletingAJobForgetsItsImageToo() throws Exception {
        accepted("job-1");
        store.records().claimEnd(job("job-1", JobStatus.COMPLETED), T0);
        vault.claim("job-1", "instance-a", T0, T0.plusSeconds(120));
        vault.keep("job-1", new PngCheck(new ByteArrayInputStream(png(64, 64)), 1_000_000).readHeader(), T0);

        assertTrue(store.records().delete("job-1"));

        assertTrue(store.records().find("job-1").isEmpty());
        assertTrue(vault.find("job-1").isEmpty());
        assertFalse(store.records().delete("job-1"));
    }

    @Test
    void aBrokenDatabaseIsAStoreErrorThatSaysWhatWasBeingDone() throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE pictory4j_job");
        }

        PictoryStoreException e = assertThrows(PictoryStoreException.class, () -> store.submissions().submissionStarting(pending(null)));

        assertTrue(e.getMessage().contains("recording a submission before it is sent (nothing was sent to Pictory)"),
                e.getMessage());
    }

    @Test
    void reservingInAPeriodWhoseRowExistsMeetsNoUniqueKey() throws Exception {
        // PostgreSQL logs each statement that breaks a unique key as an ERROR: one per submission would bury
        // a DBA's log. Only a period's first reservation inserts its rows.
        List<SQLException> failed = new CopyOnWriteArrayList<>();
        Spender alice = Spender.user("alice").team("design");
        CreditReservation reservation = new CreditReservation(new BigDecimal("0.6"), "2026-11-25", "2026-11",
                T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(6)), alice, List.of(
                        new CreditReservation.ScopeLimits(BudgetScope.application(), null, null),
                        new CreditReservation.ScopeLimits(alice.userScope(), new BigDecimal("5"), null),
                        new CreditReservation.ScopeLimits(alice.teamScope().orElseThrow(), null, new BigDecimal("50"))));
        try (Connection connection = recordingFailures(db.dataSource().getConnection(), failed)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 3; i++) {
                JdbcCreditLedger.reserve(connection, reservation);
            }
            connection.commit();
            assertEquals(List.of(), failed.stream().map(SQLException::getMessage).toList());
            List<String> periods = CreditReservation.periodNames("2026-11-25", "2026-11", "alice", "design", false);
            assertEquals(List.of("2026-11", "2026-11-25", "team/design/2026-11", "team/design/2026-11-25",
                    "user/alice/2026-11", "user/alice/2026-11-25"), periods);
            List<PeriodTotals> totals = JdbcCreditLedger.totals(connection, periods);
            assertEquals(6, totals.size());
            for (PeriodTotals period : totals) {
                assertEquals(0, new BigDecimal("1.8").compareTo(period.reserved()), period.toString());
            }
        }
    }

    /** {@code connection}, noting every SQLException its prepared statements throw. */
    private static Connection recordingFailures(Connection connection, List<SQLException> failures) {
        return (Connection) Proxy.newProxyInstance(JdbcStoreContract.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (!(result instanceof PreparedStatement statement)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(JdbcStoreContract.class.getClassLoader(),
                            new Class<?>[]{PreparedStatement.class}, (inner, call, arguments) -> {
                                try {
                                    return invoke(statement, call, arguments);
                                } catch (SQLException e) {
                                    failures.add(e);
                                    throw e;
                                }
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A PNG of noise, which compresses badly: large enough to span several chunks. */
    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Swallows bytes. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }
    }
}
