package io.github.pictory4j.images.client.webhook;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTokensTest {

    private static final String SECRET = "test-secret-that-is-long-enough-0123456789";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final WebhookTokens tokens = new WebhookTokens(SECRET, Duration.ofHours(1), clock);

    @Test
    void aTokenVerifiesToItsNonce() {
        WebhookTokens.Issued issued = tokens.issue();

        assertEquals(issued.nonce(), tokens.verify(issued.token()).orElseThrow());
        assertEquals(Instant.parse("2026-11-24T11:00:00Z"), issued.expiresAt());
        assertTrue(issued.token().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "URL-safe: " + issued.token());
    }

    @Test
    void tokensAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(tokens.issue().nonce()));
        }
    }

    @RepeatedTest(20)
    void changingAnyByteOfTheTokenBreaksIt() {
        String token = tokens.issue().token();
        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            for (char replacement : new char[]{'A', 'B', '-', '_', '.', '0'}) {
                if (replacement == original) {
                    continue;
                }
                String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
                assertTrue(tokens.verify(tampered).isEmpty(), "accepted " + tampered);
            }
        }
    }

    @Test
    void flippingAnyBitOfThePayloadBreaksIt() {
        String token = tokens.issue().token();
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        for (int bit = 0; bit < payload.length * 8; bit++) {
            byte[] changed = payload.clone();
            changed[bit / 8] ^= (byte) (1 << (bit % 8));
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed) + "." + parts[1];
            assertTrue(tokens.verify(tampered).isEmpty(), "bit " + bit);
        }
    }

    @Test
    void expiredTokensAreRefused() {
        String token = tokens.issue().token();

        clock.advance(Duration.ofMinutes(59));
        assertTrue(tokens.verify(token).isPresent());
        clock.advance(Duration.ofMinutes(2));
        assertTrue(tokens.verify(token).isEmpty());
    }

    @Test
    void anotherSecretsTokensAreRefused() {
        WebhookTokens other = new WebhookTokens("another-secret-that-is-long-enough-98765", Duration.ofHours(1), clock);

        assertTrue(tokens.verify(other.issue().token()).isEmpty());
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : new String[]{null, "", ".", "abc", "a.b.c", "!!!.???", "x".repeat(500), "AAAA.AAAA"}) {
            assertTrue(tokens.verify(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void theTokenRevealsNothingOfTheSecret() {
        String token = tokens.issue().token();

        assertFalse(token.contains(SECRET));
        assertFalse(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.ISO_8859_1).contains("secret"));
        assertFalse(tokens.toString().contains(SECRET));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookTokens("short", Duration.ofHours(1), clock));
    }

    @Test
    void theMacIsComparedInConstantTime() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/github/pictory4j/images/client/webhook/WebhookTokens.java"));

        assertTrue(source.contains("MessageDigest.isEqual(mac(payload), presentedMac)"));
        assertFalse(source.contains("Arrays.equals(mac"), "Arrays.equals stops at the first difference");
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
