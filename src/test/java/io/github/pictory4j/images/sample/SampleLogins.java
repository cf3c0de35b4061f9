package io.github.pictory4j.images.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The sample's demo users (SampleUsers), as HTTP Basic headers for {@code TestHttp.send}'s header pairs. */
public final class SampleLogins {

    public static final String PASSWORD = "demo";
    public static final String[] ALICE = as("alice");
    public static final String[] BOB = as("bob");
    public static final String[] ADMIN = as("admin");

    private SampleLogins() {
    }

    /** {@code Authorization: Basic …} for {@code user} with the demo password. */
    public static String[] as(String user) {
        return as(user, PASSWORD);
    }

    public static String[] as(String user, String password) {
        return new String[] {"Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))};
    }

    /** {@code first}'s header pairs followed by {@code more}. */
    public static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
