package io.github.pictory4j.images.it;

import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A test's calls of the {@link CallerProbe} served under {@code root} (ending in {@code /}): submissions as a
 * user, who logs in with HTTP Basic and the password {@code NAME-pw}, or as nobody; and what each budget scope
 * was charged today. The probe's {@code caller/…} paths must need a login ({@link #webXml}).
 */
public record CallerBudgets(String root) {

    /** Submits as {@code user}, logged in with {@code user-pw}. */
    public HttpResponse<String> submitAs(String user) throws Exception {
        return submitAs(user, user + "-pw", "caller/submit");
    }

    /** Posts to {@code path} under the probe as {@code user}, logged in with {@code password}. */
    public HttpResponse<String> submitAs(String user, String password, String path) throws Exception {
        String login = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return TestHttp.send("POST", URI.create(root + path), null, "Authorization", "Basic " + login);
    }

    /** Submits with nobody logged in. */
    public HttpResponse<String> submitAnonymously() throws Exception {
        return TestHttp.send("POST", URI.create(root + "open/submit"), null);
    }

    /** The credits spent or reserved today by {@code scope}: {@code user/NAME}, {@code team/NAME} or {@code application/-}. */
    public BigDecimal charged(String scope) throws Exception {
        JsonObject answer = TestHttp.json(TestHttp.send("GET", URI.create(root + "open/charged/" + scope), null));
        return answer.getJsonNumber("charged").bigDecimalValue();
    }

    /** {@link #charged} of each scope, in order. */
    public Map<String, BigDecimal> charged(String... scopes) throws Exception {
        Map<String, BigDecimal> charged = new LinkedHashMap<>();
        for (String scope : scopes) {
            charged.put(scope, charged(scope));
        }
        return charged;
    }

    /** Asserts that each scope of {@code before} was charged its {@code growth} since (none where growth has none). */
    public void assertChargedSince(Map<String, BigDecimal> before, Map<String, String> growth, String what) throws Exception {
        for (Map.Entry<String, BigDecimal> scope : before.entrySet()) {
            BigDecimal expected = scope.getValue().add(new BigDecimal(growth.getOrDefault(scope.getKey(), "0")));
            assertCredits(expected, charged(scope.getKey()), what + ", " + scope.getKey());
        }
    }

    public static void assertCredits(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected.toPlainString() + ", got " + actual);
    }

    /**
     * The test WAR's {@code web.xml}: {@code protectedPattern} (the probe's {@code caller/*}) needs any authenticated
     * user; {@code loginConfig} is the runtime's login (a {@code <login-config>}, or nothing where the app brings a
     * Jakarta Security mechanism). The teams' roles are declared, so that every runtime knows them.
     */
    public static String webXml(String protectedPattern, String loginConfig) {
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <security-constraint>
                    <web-resource-collection>
                      <web-resource-name>callers</web-resource-name>
                      <url-pattern>%s</url-pattern>
                    </web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  %s
                  <security-role><role-name>design</role-name></security-role>
                  <security-role><role-name>marketing</role-name></security-role>
                </web-app>
                """.formatted(protectedPattern, loginConfig);
    }
}
