package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.it.TestHttp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's page in headless Chromium, against the whole sample app (the built WAR) in a managed Open
 * Liberty: submit a prompt and see the image, see a field error, and no HTML injection through a prompt.
 * <p>
 * Debian's {@code chromium} and {@code chromium-driver} packages provide the browser and its driver; both paths
 * are set so that Selenium Manager never downloads anything.
 */
@ExtendWith(ArquillianExtension.class)
class SamplePageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    /** Where the page is photographed; {@code -Dpictory.screenshot=src/docs/screenshot.png} refreshes the README's. */
    private static final Path SCREENSHOT = Path.of(System.getProperty("pictory.screenshot", "target/sample-page.png"));
    private static final String INJECTION = "<img src=x onerror=alert(1)>";

    @ArquillianResource
    URL base;

    private Path profile;
    private WebDriver driver;
    private WebDriverWait wait;

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployment.war();
    }

    @BeforeEach
    void startBrowser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("pictory-page-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        driver = new ChromeDriver(options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            deleteRecursively(profile);
        }
    }

    @Test
    void aSubmittedPromptBecomesAnImageInTheGallery() throws IOException {
        Set<String> before = openPage();
        String prompt = "A lighthouse at dawn, waves crashing on the rocks";

        WebElement promptInput = driver.findElement(By.id("prompt"));
        promptInput.sendKeys(prompt);
        assertEquals(prompt.length() + " / 5000", driver.findElement(By.id("prompt-count")).getText());
        new Select(driver.findElement(By.id("model"))).selectByValue("flux-schnell");
        assertTrue(driver.findElement(By.id("submit")).getText().contains("0.6 credits"),
                driver.findElement(By.id("submit")).getText());
        new Select(driver.findElement(By.id("aspectRatio"))).selectByValue("16:9");
        new Select(driver.findElement(By.id("style"))).selectByValue("artistic");
        driver.findElement(By.id("submit")).click();

        WebElement card = newCard(before);
        assertEquals(prompt, card.findElement(By.className("job-prompt")).getDomProperty("textContent"));
        WebElement image = until("the card's image to load", d -> {
            List<WebElement> images = card.findElements(By.tagName("img"));
            return !images.isEmpty() && naturalWidth(images.get(0)) > 0 ? images.get(0) : null;
        });
        assertEquals(prompt, image.getDomAttribute("alt"));
        assertEquals("completed", card.findElement(By.className("job-status")).getText());
        assertTrue(card.findElement(By.className("job-size")).getText().matches("\\d+ × \\d+"), card.getText());
        assertTrue(card.findElement(By.className("job-credits")).getText().matches("[\\d.]+ credits?"), card.getText());
        assertFalse(driver.findElement(By.id("banner")).isDisplayed(), "no error banner");

        saveScreenshot();
    }

    @Test
    void eachUserSeesTheirOwnImagesAndUsageAndTheAdminSeesEveryones() {
        Set<String> before = openPageAs("bob");
        assertEquals("bob · design", driver.findElement(By.id("account-name")).getText());
        driver.findElement(By.id("prompt")).sendKeys("Bob's harbour at noon, seen from the page");
        driver.findElement(By.id("submit")).click();
        WebElement card = newCard(before);
        String bobsJob = card.getDomAttribute("data-job-id");
        until("bob's job to complete", d -> "completed".equals(card.getDomAttribute("data-status")));
        until("bob's usage", d -> d.findElement(By.id("usage")).isDisplayed()
                && d.findElement(By.id("usage-title")).getText().equals("Your credits")
                && d.findElement(By.id("usage-team-title")).getText().startsWith("Team design"));
        assertFalse(driver.findElement(By.id("admin")).isDisplayed(), "no admin panel for bob");
        signOut();

        Set<String> alicesCards = openPageAs("alice");
        assertFalse(alicesCards.contains(bobsJob), "alice never sees bob's image");
        assertFalse(driver.findElement(By.id("admin")).isDisplayed());
        signOut();

        Set<String> adminsCards = openPageAs("admin");
        assertTrue(adminsCards.contains(bobsJob), "the admin sees every image");
        WebElement bobsRow = until("bob's row in everyone's credits", d -> d.findElements(
                By.cssSelector("#admin-usage tr[data-scope='user:bob']")).stream().findFirst().orElse(null));
        assertTrue(bobsRow.getText().contains("spent"), bobsRow.getText());

        // The admin sets bob's own limits from the page; they are listed, then removed.
        driver.findElement(By.id("limits-name")).sendKeys("bob");
        driver.findElement(By.id("limits-daily")).sendKeys("3");
        driver.findElement(By.id("limits-set")).click();
        WebElement own = until("bob's own limits", d -> d.findElements(
                By.cssSelector("#admin-overrides tr[data-scope='user:bob']")).stream().findFirst().orElse(null));
        assertTrue(own.getText().contains("user bob") && own.getText().contains("3"), own.getText());
        own.findElement(By.tagName("button")).click();
        until("bob's own limits removed", d -> d.findElements(By.cssSelector("#admin-overrides tr[data-scope='user:bob']")).isEmpty());
    }

    @Test
    void aPageOnAnotherOriginCannotMakeTheSignedInUserSpend() throws Exception {
        openPageAs("alice");
        String target = appUrl() + "api/images";
        String forged = "{\"prompt\":\"Forged by another page\",\"model\":\"flux-schnell\"}";
        // Another port of localhost: another origin but the same site, so even a SameSite=Strict cookie goes along.
        com.sun.net.httpserver.HttpServer attacker = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/fetch", exchange -> respond(exchange, "<!DOCTYPE html><title>attacking</title><script>"
                + "const url = '" + target + "'; const body = '" + forged + "';"
                + "Promise.allSettled(["
                + " fetch(url, {method: 'POST', mode: 'no-cors', credentials: 'include', headers: {'Content-Type': 'text/plain'}, body}),"
                + " fetch(url, {method: 'POST', credentials: 'include', headers: {'Content-Type': 'application/json'}, body})"
                + "]).then(results => { document.title = 'done ' + results.map(r => r.status).join(','); });</script>"));
        attacker.createContext("/form", exchange -> respond(exchange, "<!DOCTYPE html><title>form</title>"
                + "<form id=f method=POST enctype=text/plain action='" + target + "'>"
                + "<input name='{\"prompt\":\"Forged by a form\",\"x\":\"' value='\"}'></form>"
                + "<script>document.getElementById('f').submit();</script>"));
        attacker.start();
        try {
            String origin = "http://localhost:" + attacker.getAddress().getPort();
            driver.get(origin + "/fetch");
            until("the forged fetches to settle", d -> d.getTitle().startsWith("done"));
            driver.get(origin + "/form");
            until("the forged form to be posted", d -> d.getCurrentUrl().startsWith(target));
            assertTrue(driver.getPageSource().contains("started by another site"), driver.getPageSource());
        } finally {
            attacker.stop(0);
        }
        assertFalse(alicesNewestPrompts().anyMatch(prompt -> prompt.startsWith("Forged")), "no forged request made alice spend");
        driver.get(appUrl());
        until("alice still signed in", d -> d.findElement(By.id("account-name")).getText().startsWith("alice"));
    }

    /** The prompts of alice's jobs, newest first. */
    private Stream<String> alicesNewestPrompts() throws Exception {
        return jakarta.json.Json.createReader(new java.io.StringReader(TestHttp.send("GET", URI.create(base + "api/images"),
                null, SampleLogins.ALICE).body())).readArray().getValuesAs(JsonObject.class).stream()
                .map(job -> job.getString("prompt", ""));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String html) throws IOException {
        byte[] page = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
    }

    @Test
    void aTooShortPromptShowsTheServersFieldErrorNextToThePrompt() {
        Set<String> before = openPage();
        WebElement promptInput = driver.findElement(By.id("prompt"));
        promptInput.sendKeys("abc");
        assertTrue(driver.findElement(By.id("prompt-count")).getDomAttribute("class").contains("warn"),
                "the counter warns below 5 characters");
        driver.findElement(By.id("submit")).click();

        String error = until("a field error next to the prompt", d -> {
            String text = d.findElement(By.id("prompt-error")).getText();
            return text.isBlank() ? null : text;
        });
        assertTrue(error.contains("5"), error);
        assertEquals("true", promptInput.getDomAttribute("aria-invalid"));
        assertEquals(before, cardIds(), "no job was started");

        promptInput.sendKeys(" is now long enough");
        driver.findElement(By.id("submit")).click();
        newCard(before);
        assertEquals("", driver.findElement(By.id("prompt-error")).getText(), "a resubmission clears the error");
        assertNull(promptInput.getDomAttribute("aria-invalid"));
    }

    @Test
    void aPromptIsShownAsTextNeverAsMarkup() {
        Set<String> before = openPage();
        ((JavascriptExecutor) driver).executeScript(
                "window.__alerted = false; window.alert = function () { window.__alerted = true; };");

        driver.findElement(By.id("prompt")).sendKeys(INJECTION);
        driver.findElement(By.id("submit")).click();

        WebElement card = newCard(before);
        until("the job to end", d -> !card.findElements(By.tagName("img")).isEmpty()
                || !"in-progress".equals(card.findElement(By.className("job-status")).getDomAttribute("data-status")));
        assertEquals(INJECTION, card.findElement(By.className("job-prompt")).getDomProperty("textContent"));
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) driver).executeScript("return window.__alerted;"));
        assertTrue(driver.findElements(By.cssSelector("img[src=\"x\"]")).isEmpty(), "no injected <img>");
        List<WebElement> images = card.findElements(By.tagName("img"));
        images.forEach(img -> assertEquals(INJECTION, img.getDomAttribute("alt"), "the prompt is the image's alt text"));
    }

    @Test
    void theUsagePanelShowsTodayThisMonthAndABarPerDayAsTheApiCountsThem() throws Exception {
        Set<String> before = openPage();
        WebElement panel = until("the usage panel", d -> d.findElement(By.id("usage")).isDisplayed()
                ? d.findElement(By.id("usage")) : null);
        List<WebElement> days = panel.findElements(By.className("usage-day"));
        assertEquals(14, days.size(), "a bar for each of the last 14 days");
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), days.get(13).getDomAttribute("data-date"), "today last");
        assertEquals("days in UTC", driver.findElement(By.id("usage-zone")).getText());
        double simulatedBefore = TestHttp.json(TestHttp.send("GET", URI.create(base + "api/usage"), null, SampleLogins.ALICE))
                .getJsonObject("today").getJsonNumber("simulated").doubleValue();

        driver.findElement(By.id("prompt")).sendKeys("A lighthouse at dawn, counted in the usage panel");
        new Select(driver.findElement(By.id("model"))).selectByValue("flux-schnell");
        driver.findElement(By.id("submit")).click();
        WebElement card = newCard(before);
        until("the job to complete", d -> "completed".equals(card.getDomAttribute("data-status")));

        // The page redraws when the job ends; it then shows what the API says (other jobs may settle meanwhile).
        JsonObject usage = until("the panel to show the API's figures", d -> {
            try {
                JsonObject now = TestHttp.json(TestHttp.send("GET", URI.create(base + "api/usage"), null, SampleLogins.ALICE));
                WebElement today = d.findElements(By.className("usage-day")).get(13);
                boolean same = amount(now.getJsonObject("today"), "spent").equals(today.getDomAttribute("data-spent"))
                        && amount(now.getJsonObject("today"), "reserved").equals(today.getDomAttribute("data-reserved"))
                        && amount(now.getJsonObject("today"), "simulated").equals(today.getDomAttribute("data-simulated"));
                return same ? now : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonObject today = usage.getJsonObject("today");
        assertTrue(today.getJsonNumber("simulated").doubleValue() - simulatedBefore >= 0.6 - 1e-9,
                "the job's 0.6 credits are counted today, as the simulator's (" + simulatedBefore + " before): " + usage);
        assertEquals(amount(today, "spent") + " spent · " + amount(today, "reserved") + " reserved · "
                + amount(today, "simulated") + " simulated · no limit", driver.findElement(By.id("usage-today")).getText());
        assertEquals("simulator: no credits spent", driver.findElement(By.id("mode")).getText(), "the badge agrees");
        assertTrue(driver.findElement(By.id("usage-month")).getText().endsWith("no limit"));
        // The tallest day fills the chart; the others are drawn to its scale.
        @SuppressWarnings("unchecked")
        List<Number> totals = (List<Number>) ((JavascriptExecutor) driver).executeScript("return Array.from("
                + "document.querySelectorAll('.usage-day')).map(day => Array.from(day.querySelectorAll('.usage-bar'))"
                + ".reduce((sum, bar) => sum + parseFloat(bar.style.height), 0));");
        assertEquals(100.0, totals.stream().mapToDouble(Number::doubleValue).max().orElse(0), 0.01, totals.toString());
    }

    private static String amount(JsonObject period, String name) {
        double value = period.getJsonNumber(name).doubleValue();
        return new java.math.BigDecimal(Double.toString(Math.round(value * 1000) / 1000.0)).stripTrailingZeros()
                .toPlainString();
    }

    /** Opens the page as alice; see {@link #openPageAs}. */
    private Set<String> openPage() {
        return openPageAs("alice");
    }

    /**
     * Opens the page, signs in as {@code user} (a demo user), waits until the models and the gallery are loaded,
     * and answers the ids of the cards shown.
     */
    private Set<String> openPageAs(String user) {
        // The app's context root is "/" (its ibm-web-ext.xml); never let that become "//" and break relative URLs.
        driver.get(appUrl());
        WebElement signIn = until("the sign-in form", d -> d.findElement(By.id("sign-in-form")).isDisplayed()
                ? d.findElement(By.id("sign-in-form")) : null);
        assertTrue(driver.findElement(By.id("sign-in-hint")).getText().contains("alice, bob, admin (password demo)"),
                driver.findElement(By.id("sign-in-hint")).getText());
        signIn.findElement(By.id("sign-in-user")).sendKeys(user);
        signIn.findElement(By.id("sign-in-password")).sendKeys(SampleLogins.PASSWORD);
        signIn.findElement(By.id("sign-in")).click();
        until("signed in as " + user, d -> d.findElement(By.id("account-name")).getText().startsWith(user));
        until("the models to load", d -> !new Select(d.findElement(By.id("model"))).getOptions().isEmpty()
                && !new Select(d.findElement(By.id("aspectRatio"))).getOptions().isEmpty()
                && d.findElement(By.id("submit")).isEnabled());
        // The gallery is loaded, or the page says why not.
        until("the gallery to load", d -> !d.findElements(By.cssSelector("#gallery .job-card")).isEmpty()
                || d.findElement(By.id("gallery-empty")).isDisplayed()
                || d.findElement(By.id("banner")).isDisplayed());
        assertFalse(driver.findElement(By.id("banner")).isDisplayed(),
                () -> "error banner: " + driver.findElement(By.id("banner-text")).getText());
        return cardIds();
    }

    private String appUrl() {
        return base.toExternalForm().replaceFirst("(?<!:)/{2,}$", "/");
    }

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        until("the sign-in form", d -> d.findElement(By.id("sign-in-form")).isDisplayed());
    }

    private Set<String> cardIds() {
        return driver.findElements(By.cssSelector("#gallery .job-card")).stream()
                .map(card -> card.getDomAttribute("data-job-id")).collect(Collectors.toSet());
    }

    /** The first card in the gallery whose job was not there before. */
    private WebElement newCard(Set<String> before) {
        return until("a new card in the gallery", d -> d.findElements(By.cssSelector("#gallery .job-card")).stream()
                .filter(card -> !before.contains(card.getDomAttribute("data-job-id"))).findFirst().orElse(null));
    }

    private static long naturalWidth(WebElement image) {
        String width = image.getDomProperty("naturalWidth");
        return width == null ? 0 : Long.parseLong(width);
    }

    /** Waits for a condition; a timeout names what was awaited and what the page shows. */
    private <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage(() -> "waiting for " + what + "; page shows: " + pageState())
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private String pageState() {
        try {
            String banner = driver.findElement(By.id("banner-text")).getText();
            String cards = driver.findElements(By.cssSelector("#gallery .job-card")).stream().limit(3)
                    .map(card -> card.getDomAttribute("data-job-id") + "=" + card.getText().replace('\n', ' '))
                    .collect(Collectors.joining(" | "));
            return "banner [" + banner + "], prompt error [" + driver.findElement(By.id("prompt-error")).getText()
                    + "], cards [" + cards + "]";
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** The README's picture of the page; written only by a passing run, replacing the previous one at once. */
    private void saveScreenshot() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.scrollTo(0, 0); document.activeElement.blur();");
        // Tall enough for the form and the first row of cards, whatever else the gallery holds.
        long chrome = ((Number) js.executeScript("return window.outerHeight - window.innerHeight;")).longValue();
        long page = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) (Math.min(page, 1300) + chrome)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#gallery .job-card img")));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path partial = SCREENSHOT.resolveSibling("screenshot.png.partial");
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        try {
            Files.write(partial, png);
            Files.move(partial, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
