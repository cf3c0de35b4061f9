package io.github.pictory4j.images.client.webhook;

import io.github.pictory4j.images.client.internal.config.PictoryConfig;
import io.github.pictory4j.images.client.PictoryConfigurationException;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhook configuration: off by default, and clear errors for a URL without a usable secret. */
class WebhookSupportTest {

    private static final String SECRET = "a-webhook-secret-long-enough-0123456789";
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }

    @Test
    void noUrlMeansNoWebhooks() {
        assertTrue(PictoryConfig.webhooks(config(Map.of()), INTERVAL, TIMEOUT).isEmpty());
        assertTrue(PictoryConfig.webhooks(config(Map.of(WebhookSupport.SECRET, SECRET)), INTERVAL, TIMEOUT).isEmpty());
    }

    @Test
    void aUrlWithASecretTurnsThemOnWithTheDefaults() {
        WebhookSupport webhooks = PictoryConfig.webhooks(config(Map.of(WebhookSupport.URL, "https://app.example.com/hook",
                WebhookSupport.SECRET, SECRET)), INTERVAL, TIMEOUT).orElseThrow();

        assertEquals("https://app.example.com/hook", webhooks.callbackUrl());
        assertEquals(INTERVAL, webhooks.fallbackPollInterval());
        assertTrue(webhooks.urlFor(webhooks.tokens().issue()).startsWith("https://app.example.com/hook?token="));
        assertTrue(PictoryConfig.webhooks(config(Map.of(WebhookSupport.URL, "https://app.example.com/hook?app=1",
                WebhookSupport.SECRET, SECRET)), INTERVAL, TIMEOUT).orElseThrow()
                .urlFor(webhooks.tokens().issue()).contains("?app=1&token="));
    }

    @Test
    void aUrlWithoutASecretNamesTheSecretAndItsVariable() {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class, () -> PictoryConfig.webhooks(
                config(Map.of(WebhookSupport.URL, "https://app.example.com/hook")), INTERVAL, TIMEOUT));

        assertTrue(e.getMessage().contains("pictory.webhook.secret (env PICTORY_WEBHOOK_SECRET)"), e.getMessage());
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class, () -> PictoryConfig.webhooks(
                config(Map.of(WebhookSupport.URL, "https://app.example.com/hook", WebhookSupport.SECRET, "hunter2")),
                INTERVAL, TIMEOUT));

        assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void anUnusableUrlIsRefused() {
        for (String url : new String[]{"/relative/hook", "ftp://app.example.com/hook", "https://app.example.com/" + "a".repeat(450)}) {
            PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class, () -> PictoryConfig.webhooks(
                    config(Map.of(WebhookSupport.URL, url, WebhookSupport.SECRET, SECRET)), INTERVAL, TIMEOUT), url);
            assertTrue(e.getMessage().contains("pictory.webhook.url (env PICTORY_WEBHOOK_URL)"), e.getMessage());
        }
    }

    @Test
    void theFallbackIntervalAndTokenLifetimeAreConfigurable() {
        WebhookSupport webhooks = PictoryConfig.webhooks(config(Map.of(WebhookSupport.URL, "https://app.example.com/hook",
                WebhookSupport.SECRET, SECRET, WebhookSupport.FALLBACK_POLL_INTERVAL, "2m",
                WebhookSupport.TOKEN_TTL, "30m")), INTERVAL, TIMEOUT).orElseThrow();

        assertEquals(Duration.ofMinutes(2), webhooks.fallbackPollInterval());
        assertTrue(webhooks.tokens().toString().contains("PT30M"), webhooks.tokens().toString());
    }
}
