package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.it.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what in the sample, exactly as built (its web.xml, its sign-in, the simulator's key made per run):
 * every endpoint for an anonymous caller, a user, another user and the admin (src/docs/sample.md lists the
 * decisions). A user sees only their own jobs, images, events and usage; nothing tells another user's job from one
 * that does not exist.
 */
@ExtendWith(ArquillianExtension.class)
class SampleSecurityIT {

    /** HTTP/1.1, as browsers speak to a plain-HTTP server (no h2c upgrade, which holds event streams past undeploy). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] ANONYMOUS = {};

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployment.asBuilt();
    }

    private HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        return TestHttp.send(method, URI.create(base + path.substring(1)), body, headers);
    }

    private int status(String method, String path, String body, String... headers) throws Exception {
        return call(method, path, body, headers).statusCode();
    }

    private String submitAs(String[] login, String prompt) throws Exception {
        HttpResponse<String> accepted = call("POST", "/api/images", "{\"prompt\":\"" + prompt + "\",\"model\":\"flux-schnell\"}", login);
        assertEquals(202, accepted.statusCode(), accepted.body());
        return TestHttp.json(accepted).getString("jobId");
    }

    private List<String> listed(String[] login) throws Exception {
        HttpResponse<String> list = call("GET", "/api/images", null, login);
        assertEquals(200, list.statusCode(), list.body());
        return Json.createReader(new StringReader(list.body())).readArray().getValuesAs(JsonObject.class).stream()
                .map(job -> job.getString("jobId")).toList();
    }

    private JsonObject awaitEnd(String jobId, String[] login) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JsonObject job = TestHttp.json(call("GET", "/api/images/" + jobId, null, login));
            if (!job.getString("status").equals("in-progress") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    private int imageStatus(String jobId, String[] login) throws Exception {
        for (int attempt = 0; ; attempt++) {
            int status = HTTP.send(with(HttpRequest.newBuilder(URI.create(base + "api/images/" + jobId + "/image")), login)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 503 || attempt > 50) {
                return status;
            }
            Thread.sleep(200);
        }
    }

    private static HttpRequest.Builder with(HttpRequest.Builder request, String[] headers) {
        return headers.length == 0 ? request : request.headers(headers);
    }

    @Test
    void anonymousCallersGet401OnTheApiAndThePublicPartsStayPublic() throws Exception {
        Map<String, String> protectedCalls = Map.of(
                "GET /api/images", "", "POST /api/images", "{\"prompt\":\"A stranger's spending\"}",
                "GET /api/images/some-job", "", "GET /api/images/some-job/image", "", "GET /api/usage", "",
                "GET /api/options", "", "GET /api/events", "", "GET /api/events/ledger", "",
                "GET /api/admin/usage", "", "PUT /api/admin/limits/user/alice", "{\"dailyCredits\":100}");
        for (Map.Entry<String, String> call : protectedCalls.entrySet()) {
            String[] parts = call.getKey().split(" ");
            HttpResponse<String> answer = call(parts[0], parts[1], call.getValue().isEmpty() ? null : call.getValue());
            assertEquals(401, answer.statusCode(), call.getKey() + ": " + answer.body());
            assertTrue(answer.body().contains("Sign in first"), call.getKey() + ": " + answer.body());
            assertFalse(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                    "no Basic challenge, so no browser password dialog");
        }
        assertEquals(200, status("GET", "/", null), "the page, which signs in");
        assertEquals(200, status("GET", "/app.js", null));
        assertEquals(200, status("GET", "/health/ready", null));
        assertEquals(200, status("GET", "/openapi", null));
        JsonObject session = TestHttp.json(call("GET", "/api/session", null));
        assertFalse(session.getBoolean("signedIn"));
        assertEquals(List.of("alice", "bob", "admin"), session.getJsonArray("demoUsers").getValuesAs(JsonValue::toString)
                .stream().map(name -> name.replace("\"", "")).toList(), "the demo users, on localhost");
        HttpResponse<String> forged = call("POST", "/api/pictory/webhook?token=forged", "{\"job_id\":\"x\"}");
        assertEquals(401, forged.statusCode(), "the webhook is reachable without a sign-in; its token refuses this one");
        assertFalse(forged.body().contains("Sign in first"), forged.body());
        assertEquals(401, status("GET", "/simulator/pictoryapis/v1/aistudio/images", null, "Authorization", "pictai_simulator"),
                "the simulator's documented key opens nothing: the sample makes one per run");
    }

    @Test
    void aWrongPasswordIs401AndSigningInSetsAStrictSessionCookie() throws Exception {
        assertEquals(401, status("GET", "/api/images", null, SampleLogins.as("alice", "wrong")));
        assertEquals(401, status("GET", "/api/images", null, SampleLogins.as("mallory")));
        assertEquals(401, status("POST", "/api/session", "{\"user\":\"alice\",\"password\":\"wrong\"}"));

        HttpResponse<String> signedIn = call("POST", "/api/session", "{\"user\":\"bob\",\"password\":\"demo\"}");

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        JsonObject session = TestHttp.json(signedIn);
        assertEquals("bob", session.getString("user"));
        assertEquals("design", session.getString("team"), "bob is in design and marketing: design is listed first");
        assertFalse(session.getBoolean("admin"));
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.headers().map()));
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertEquals(1, signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).count(),
                "one session, made by the sign-in: " + signedIn.headers().allValues("Set-Cookie"));
        String sessionCookie = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(200, status("GET", "/api/options", null, "Cookie", sessionCookie), "the cookie carries the sign-in");
        assertEquals("bob", TestHttp.json(call("GET", "/api/session", null, "Cookie", sessionCookie)).getString("user"));

        assertEquals(204, status("DELETE", "/api/session", null, "Cookie", sessionCookie));
        assertEquals(401, status("GET", "/api/options", null, "Cookie", sessionCookie), "signed out");
    }

    @Test
    void aUserSeesAndDownloadsOnlyTheirOwnJobsAndTheAdminSeesAll() throws Exception {
        String alices = submitAs(SampleLogins.ALICE, "Alice's lighthouse");
        String bobs = submitAs(SampleLogins.BOB, "Bob's harbour");
        assertEquals("completed", awaitEnd(alices, SampleLogins.ALICE).getString("status"));
        assertEquals("completed", awaitEnd(bobs, SampleLogins.BOB).getString("status"));

        assertEquals("alice", TestHttp.json(call("GET", "/api/images/" + alices, null, SampleLogins.ALICE)).getString("owner"));
        HttpResponse<String> othersJob = call("GET", "/api/images/" + alices, null, SampleLogins.BOB);
        HttpResponse<String> noSuchJob = call("GET", "/api/images/no-such-job-0000", null, SampleLogins.BOB);
        assertEquals(404, othersJob.statusCode());
        assertEquals(noSuchJob.body().replace("no-such-job-0000", "ID"), othersJob.body().replace(alices, "ID"),
                "another user's job answers exactly as a job that does not exist");
        assertEquals(200, status("GET", "/api/images/" + alices, null, SampleLogins.ADMIN));

        assertEquals(200, imageStatus(alices, SampleLogins.ALICE));
        assertEquals(404, imageStatus(alices, SampleLogins.BOB));
        assertEquals(200, imageStatus(alices, SampleLogins.ADMIN));

        List<String> alicesList = listed(SampleLogins.ALICE);
        List<String> bobsList = listed(SampleLogins.BOB);
        List<String> adminsList = listed(SampleLogins.ADMIN);
        assertTrue(alicesList.contains(alices) && !alicesList.contains(bobs), alicesList.toString());
        assertTrue(bobsList.contains(bobs) && !bobsList.contains(alices), bobsList.toString());
        assertTrue(adminsList.containsAll(List.of(alices, bobs)), adminsList.toString());
    }

    @Test
    void eachEventStreamCarriesOnlyItsCallersJobsAndTheAdminsAll() throws Exception {
        List<String> alicesEvents = new ArrayList<>();
        List<String> adminsEvents = new ArrayList<>();
        EventStream alice = openEvents(SampleLogins.ALICE);
        EventStream admin = openEvents(SampleLogins.ADMIN);
        try {
            String bobs = submitAs(SampleLogins.BOB, "Bob's private sketch");
            String alices = submitAs(SampleLogins.ALICE, "Alice's public sketch");

            collectJobEvents(admin, adminsEvents, List.of(bobs, alices));
            collectJobEvents(alice, alicesEvents, List.of(alices));
            awaitEnd(bobs, SampleLogins.BOB);

            assertTrue(adminsEvents.stream().anyMatch(e -> e.contains(bobs)), "the admin hears of every job");
            assertFalse(alicesEvents.stream().anyMatch(e -> e.contains(bobs) || e.contains("Bob's")),
                    "alice never hears of bob's job: " + alicesEvents);
        } finally {
            alice.body().close();
            admin.body().close();
        }
    }

    /** An open event stream: its lines, read by one iterator (a stream is iterated once). */
    private record EventStream(Stream<String> body, Iterator<String> lines) {
    }

    private EventStream openEvents(String[] login) throws Exception {
        HttpResponse<Stream<String>> events = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/events"))
                .header("Accept", "text/event-stream").headers(login).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        Iterator<String> lines = events.body().iterator();
        CompletableFuture.runAsync(() -> {
            while (!lines.next().equals("event: ready")) {
                // ready before anything is submitted
            }
        }).get(10, TimeUnit.SECONDS);
        return new EventStream(events.body(), lines);
    }

    /** Reads job events into {@code into} until every one of {@code awaited} was among them. */
    private static void collectJobEvents(EventStream events, List<String> into, List<String> awaited)
            throws Exception {
        Iterator<String> lines = events.lines();
        CompletableFuture.runAsync(() -> {
            List<String> missing = new ArrayList<>(awaited);
            while (!missing.isEmpty()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    into.add(line);
                    missing.removeIf(line::contains);
                }
            }
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void usageIsTheCallersOwnAndTheirTeamsAndOnlyTheAdminSeesEveryone() throws Exception {
        submitAs(SampleLogins.BOB, "Bob spends");

        JsonObject alices = TestHttp.json(call("GET", "/api/usage", null, SampleLogins.ALICE));
        assertEquals("user 'alice'", alices.getString("scope"));
        assertEquals("team 'design'", alices.getJsonObject("team").getString("scope"));
        assertFalse(alices.toString().contains("bob"), alices.toString());

        assertEquals(403, status("GET", "/api/admin/usage", null, SampleLogins.ALICE));
        assertEquals(403, status("GET", "/api/admin/limits", null, SampleLogins.ALICE));
        assertEquals(403, status("GET", "/api/events/ledger", null, SampleLogins.ALICE));
        assertEquals(403, status("PUT", "/api/admin/limits/user/alice", "{\"dailyCredits\":100}", SampleLogins.ALICE),
                "a user cannot raise their own limit");
        assertEquals(200, status("GET", "/api/events/ledger", null, SampleLogins.ADMIN));

        JsonObject everyone = TestHttp.json(call("GET", "/api/admin/usage", null, SampleLogins.ADMIN));
        assertEquals("the application", everyone.getJsonObject("application").getString("scope"));
        JsonArray users = everyone.getJsonArray("users");
        assertTrue(users.getValuesAs(JsonObject.class).stream().anyMatch(user -> user.getString("name").equals("bob")),
                everyone.toString());
    }

    @Test
    void theAdminSetsAUsersLimitsWhileTheAppRunsAndBadLimitsAreRefused() throws Exception {
        HttpResponse<String> set = call("PUT", "/api/admin/limits/user/bob", "{\"dailyCredits\":0.6,\"monthlyCredits\":50}",
                SampleLogins.ADMIN);
        try {
            assertEquals(200, set.statusCode(), set.body());
            JsonObject bobsToday = TestHttp.json(call("GET", "/api/usage", null, SampleLogins.BOB)).getJsonObject("today");
            assertEquals(0.6, bobsToday.getJsonNumber("limit").doubleValue(), 1e-9, bobsToday.toString());
            JsonObject limits = TestHttp.json(call("GET", "/api/admin/limits", null, SampleLogins.ADMIN));
            assertTrue(limits.getJsonArray("overrides").toString().contains("\"name\":\"bob\""), limits.toString());

            HttpResponse<String> negative = call("PUT", "/api/admin/limits/user/bob", "{\"dailyCredits\":-1}", SampleLogins.ADMIN);
            assertEquals(400, negative.statusCode(), negative.body());
            assertTrue(negative.body().contains("dailyCredits"), negative.body());
            HttpResponse<String> notANumber = call("PUT", "/api/admin/limits/user/bob", "{\"dailyCredits\":\"lots\"}", SampleLogins.ADMIN);
            assertEquals(400, notANumber.statusCode(), notANumber.body());
            HttpResponse<String> unknownTeam = call("PUT", "/api/admin/limits/team/sales", "{\"dailyCredits\":5}", SampleLogins.ADMIN);
            assertEquals(400, unknownTeam.statusCode(), unknownTeam.body());
            assertTrue(unknownTeam.body().contains("pictory.budget.teams"), unknownTeam.body());
            assertEquals(404, status("PUT", "/api/admin/limits/planet/mars", "{\"dailyCredits\":5}", SampleLogins.ADMIN));
            assertEquals(0.6, TestHttp.json(call("GET", "/api/usage", null, SampleLogins.BOB)).getJsonObject("today")
                    .getJsonNumber("limit").doubleValue(), 1e-9, "the refused changes stored nothing");
        } finally {
            assertEquals(204, status("DELETE", "/api/admin/limits/user/bob", null, SampleLogins.ADMIN));
        }
        assertEquals(404, status("DELETE", "/api/admin/limits/user/bob", null, SampleLogins.ADMIN), "none left");
    }

    @Test
    void aRequestAnotherSiteStartsCannotSpendEvenWithTheUsersCredentials() throws Exception {
        String job = "{\"prompt\":\"Forged from another site\"}";

        HttpResponse<String> crossOrigin = call("POST", "/api/images", job,
                SampleLogins.with(SampleLogins.ALICE, "Origin", "http://evil.example"));
        HttpResponse<String> sameSiteOtherPort = call("POST", "/api/images", job,
                SampleLogins.with(SampleLogins.ALICE, "Origin", "http://localhost:1"));
        HttpResponse<String> crossSiteNoOrigin = call("POST", "/api/images", job,
                SampleLogins.with(SampleLogins.ALICE, "Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> formPost = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/images")).headers(SampleLogins.ALICE)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("prompt=Forged+by+a+form")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> textPlain = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/images")).headers(SampleLogins.ALICE)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(job)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(403, crossOrigin.statusCode(), crossOrigin.body());
        assertEquals(403, sameSiteOtherPort.statusCode(), sameSiteOtherPort.body());
        assertEquals(403, crossSiteNoOrigin.statusCode(), crossSiteNoOrigin.body());
        assertEquals(415, formPost.statusCode(), "JSON only: " + formPost.body());
        assertEquals(415, textPlain.statusCode(), "JSON only: " + textPlain.body());
        assertEquals(403, status("DELETE", "/api/admin/limits/user/bob", null,
                SampleLogins.with(SampleLogins.ADMIN, "Origin", "http://evil.example")));
        String alicesJobs = call("GET", "/api/images", null, SampleLogins.ALICE).body();
        assertFalse(alicesJobs.contains("Forged"), "nothing was submitted: " + alicesJobs);
        HttpResponse<String> own = call("POST", "/api/images", "{\"prompt\":\"Sent from the page's own origin\"}",
                SampleLogins.with(SampleLogins.ALICE, "Origin", "http://" + base.getHost() + ":" + base.getPort()));
        assertEquals(202, own.statusCode(), "the page's own origin passes: " + own.body());
    }
}
