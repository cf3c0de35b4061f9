package io.github.pictory4j.images.client.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Unguessable per-submission tokens for webhook URLs, because Pictory does not sign its callbacks.
 *
 * <p>A token is {@code base64url(nonce ‖ expiry) "." base64url(HMAC-SHA256(secret, nonce ‖ expiry))}:
 * 16 random bytes, an expiry in epoch seconds, and a MAC that only a holder of the secret can make.
 * It reveals nothing about the secret; the MAC is compared in constant time. The nonce identifies
 * the submission, so the service can bind it to the job Pictory creates.
 */
public final class WebhookTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int NONCE_BYTES = 16;
    private static final int PAYLOAD_BYTES = NONCE_BYTES + Long.BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret   the HMAC key ({@code pictory.webhook.secret}), at least 32 bytes of UTF-8
     * @param lifetime how long a token is accepted after it was issued
     */
    public WebhookTokens(String secret, Duration lifetime, Clock clock) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the webhook secret must be at least 32 bytes long");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A fresh token. */
    public Issued issue() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(nonce).putLong(expiry).array();
        String token = ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
        return new Issued(token, ENCODER.encodeToString(nonce), Instant.ofEpochSecond(expiry));
    }

    /** The token's nonce when the token is well-formed, made with this secret and not expired; else empty. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] presentedMac;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            presentedMac = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // Only the canonical encoding is accepted, so that no two strings name the same token.
        if (payload.length != PAYLOAD_BYTES || !ENCODER.encodeToString(payload).equals(token.substring(0, dot))
                || !ENCODER.encodeToString(presentedMac).equals(token.substring(dot + 1))) {
            return Optional.empty();
        }
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        if (!MessageDigest.isEqual(mac(payload), presentedMac)) {
            return Optional.empty();
        }
        long expiry = ByteBuffer.wrap(payload, NONCE_BYTES, Long.BYTES).getLong();
        if (clock.instant().getEpochSecond() > expiry) {
            return Optional.empty();
        }
        return Optional.of(ENCODER.encodeToString(Arrays.copyOf(payload, NONCE_BYTES)));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookTokens[lifetime=" + lifetime + ", secret=***]";
    }

    /**
     * A token just made.
     *
     * @param token     what goes in the webhook URL
     * @param nonce     the submission it identifies
     * @param expiresAt when it stops being accepted
     */
    public record Issued(String token, String nonce, Instant expiresAt) {
    }
}
