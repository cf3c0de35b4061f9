package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.it.TestHttp;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the server: a job charged to nobody, as every job from before jobs had owners is (and one submitted by a
 * background task), is the admin's alone: a user neither sees nor lists it.
 */
@ExtendWith(ArquillianExtension.class)
class SampleOwnerlessJobsIT {

    private static final URI APP = URI.create("http://localhost:" + System.getProperty("liberty.http.port", "9080") + "/");

    @Deployment
    static WebArchive app() {
        return SampleDeployment.war().addClasses(SampleOwnerlessJobsIT.class, SampleLogins.class, TestHttp.class);
    }

    @Inject
    ImageService images;

    @Test
    void aJobWithoutAnOwnerIsSeenByTheAdminOnly() throws Exception {
        String jobId = images.submit(ImageRequest.builder("Submitted by nobody in particular").build()); // no caller signed in here
        assertNull(images.job(jobId).orElseThrow().spender(), "charged to the application alone");

        assertEquals(404, TestHttp.send("GET", APP.resolve("api/images/" + jobId), null, SampleLogins.ALICE).statusCode());
        String alicesList = TestHttp.send("GET", APP.resolve("api/images"), null, SampleLogins.ALICE).body();
        assertFalse(alicesList.contains(jobId), alicesList);

        JsonObject asAdmin = TestHttp.json(TestHttp.send("GET", APP.resolve("api/images/" + jobId), null, SampleLogins.ADMIN));
        assertEquals(jobId, asAdmin.getString("jobId"));
        assertFalse(asAdmin.containsKey("owner") && !asAdmin.isNull("owner"), "no owner: " + asAdmin);
        String adminsList = TestHttp.send("GET", APP.resolve("api/images"), null, SampleLogins.ADMIN).body();
        assertTrue(Json.createReader(new StringReader(adminsList)).readArray().toString().contains(jobId));
    }
}
