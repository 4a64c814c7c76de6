package io.isthmus.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.access.identity.Base32;
import io.isthmus.access.identity.Totp;
import io.isthmus.app.Main;
import io.isthmus.app.config.ScenarioFiles;
import io.isthmus.app.demo.DemoGateway;
import io.isthmus.app.demo.DemoRuntime;
import io.isthmus.sim.VirtualFactoryConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The console in Debian's chromium against a real demo (virtual factory playing {@code
 * attack-demo}, edge, hub): live values move, every page renders (or says plainly that its API is
 * not on this hub), the keyboard reaches everything, nothing is fetched from outside, and each page
 * is photographed at 1366×768. Pages whose API is built on other branches are checked both ways:
 * the "not available" state now, the real content once merged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    @TempDir
    static Path pki;

    static DemoRuntime demo;
    static Browser browser;
    static ChromeDriver driver;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        int opcUaPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            opcUaPort = s.getLocalPort();
        }
        var scenario = ScenarioFiles.load("attack-demo");
        VirtualFactoryConfig config = VirtualFactoryConfig.defaults().with(b -> {
            b.modbusBasePort = 0;
            b.opcUaPort = opcUaPort;
            b.speed = 10;
            b.scenario = scenario;
            b.pkiDir = pki;
        });
        demo = DemoRuntime.start(config, new InetSocketAddress("127.0.0.1", 0), o -> {});
        base = "http://127.0.0.1:" + demo.httpPort() + "/";
        browser = Browser.start();
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    static WebDriverWait await(int seconds) {
        return Browser.waitFor(driver, seconds);
    }

    /**
     * Clicks the first element matching {@code what} once there is one. The console re-renders its
     * tables on every poll (250 ms), so an element found a moment ago may be gone when it is
     * clicked; finding and clicking again is what a user's second click does.
     */
    static void clickWhenPresent(By what, int seconds) {
        await(seconds).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(what);
            if (found.isEmpty()) {
                return false;
            }
            found.get(0).click();
            return true;
        });
    }

    static void go(String hash) {
        driver.get(base + hash);
        await(10).until(d -> !d.findElements(By.cssSelector("#page h2")).isEmpty());
        await(10)
                .until(d -> !d.findElements(By.cssSelector("#page .notice, #page table, #page svg, #page .tiles"))
                        .isEmpty());
        assertThat(driver.findElements(By.xpath("//*[contains(text(),'This page failed')]")))
                .as("a page script failed")
                .isEmpty();
    }

    static boolean unavailable(String api) {
        return !driver.findElements(By.cssSelector("[data-unavailable='" + api + "']"))
                .isEmpty();
    }

    static void screenshot(String name) throws Exception {
        screenshot(driver, name);
    }

    /** Writes the page as target/screenshots/NAME.png (and into docs with ISTHMUS_REGENERATE_DOCS=1). */
    static void screenshot(ChromeDriver driver, String name) throws Exception {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(Browser.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Browser.HEIGHT);
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
        if ("1".equals(System.getenv("ISTHMUS_REGENERATE_DOCS"))) {
            Path docs = Path.of("..", "docs", "screenshots", name + ".png");
            Files.createDirectories(docs.getParent());
            Files.write(docs, png);
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsTheLineAndALiveValueChangesWithoutReloading() throws Exception {
        driver.get(base);
        await(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-overview-ready]")));
        await(15).until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
        By counts = By.cssSelector("#machine-filler [data-field='counts']");
        await(20).until(d -> d.findElement(counts).getText().matches("\\d+ / \\d+"));
        String first = Browser.text(driver, counts);
        await(20).until(d -> !d.findElement(counts).getText().equals(first));
        assertThat(Browser.text(driver, counts)).isNotEqualTo(first);
        assertThat(driver.findElements(By.cssSelector("#machines .machine"))).hasSize(5);
        assertThat(driver.findElements(By.cssSelector(".tile"))).hasSize(7);
        await(10)
                .until(d -> !d.findElement(By.cssSelector("#tile-health [data-field='value']"))
                        .getText()
                        .equals("…"));
        assertThat(Browser.text(driver, By.cssSelector("#tile-health [data-field='value']")))
                .isEqualTo("OK");
        By motors = By.cssSelector("#tile-motors [data-field='detail']");
        await(10).until(d -> d.findElement(motors).getText().contains("conveyor:"));
        assertThat(Browser.text(driver, motors))
                .as("every machine's motor health from /api/machines/health")
                .contains("conveyor:", "filler:", "capper:", "labeler:", "palletizer:");
        screenshot("overview");
    }

    @Test
    @Order(2)
    void theKeyboardReachesTheNavigationAndLandsOnTheNewPagesTitle() {
        driver.get(base);
        await(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-overview-ready]")));
        var body = driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Skip to content");
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            order.add(active().getText());
        }
        assertThat(order).containsSubsequence("Overview", "Assets", "Network map", "Tags & trends");
        while (!active().getText().equals("Assets")) {
            driver.switchTo().activeElement().sendKeys(Keys.SHIFT, Keys.TAB);
        }
        String outline = (String) driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle");
        assertThat(outline).as("focus must be visible").isNotEqualTo("none");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        await(10).until(d -> d.getCurrentUrl().endsWith("#/assets"));
        await(10).until(d -> "H2".equals(active().getTagName().toUpperCase()));
        assertThat(active().getText()).isEqualTo("Assets");
        assertThat(Browser.text(driver, By.cssSelector("nav a[aria-current='page']")))
                .isEqualTo("Assets");
    }

    static WebElement active() {
        return driver.switchTo().activeElement();
    }

    @Test
    @Order(3)
    void assetsCanBeFoundOrThePageSaysTheInventoryIsNotOnThisHub() throws Exception {
        go("#/assets");
        if (unavailable("/api/assets")) {
            assertThat(Browser.text(driver, By.cssSelector(".unavailable"))).contains("not available on this hub");
        } else {
            await(60)
                    .until(d -> !d.findElements(By.cssSelector("#asset-table tbody tr"))
                            .isEmpty());
            WebElement search = driver.findElement(By.id("asset-q"));
            search.sendKeys("127.0.0.1");
            await(10).until(d -> d.findElement(By.id("asset-summary")).getText().contains("127.0.0.1"));
            assertThat(driver.findElements(By.cssSelector("#asset-table tbody tr")))
                    .isNotEmpty();
            screenshot("assets");
            clickWhenPresent(By.cssSelector("#asset-table tbody tr a"), 10); // the page refreshes every 5 s
            await(10).until(d -> d.getCurrentUrl().contains("#/assets/"));
            await(10).until(d -> !d.findElements(By.id("id-h")).isEmpty());
            screenshot("asset");
            return;
        }
        screenshot("assets");
    }

    @Test
    @Order(4)
    void theNetworkMapDrawsAssetsInPurdueLanesAndOpensAnAsset() throws Exception {
        go("#/map");
        if (unavailable("/api/map")) {
            assertThat(Browser.text(driver, By.cssSelector(".unavailable"))).contains("not available on this hub");
        } else {
            await(60)
                    .until(d ->
                            !d.findElements(By.cssSelector("#map-svg a.node")).isEmpty());
            assertThat(driver.findElements(By.cssSelector("#map-svg .lane"))).isNotEmpty();
            driver.findElement(By.cssSelector("#map-svg")).sendKeys("+");
            assertThat(driver.findElement(By.cssSelector("#map-svg .viewport")).getAttribute("transform"))
                    .contains("scale(1.2)");
            screenshot("map");
            driver.findElement(By.cssSelector("#map-svg a.node")).sendKeys(Keys.ENTER);
            await(10).until(d -> d.getCurrentUrl().contains("#/assets/"));
            return;
        }
        screenshot("map");
    }

    @Test
    @Order(5)
    void tagsShowLiveValuesAndTheHistorianTrendOfTheChosenTag() throws Exception {
        go("#/tags");
        await(10)
                .until(d ->
                        d.findElements(By.cssSelector("#tag-table tbody tr")).size() > 20);
        driver.findElement(By.id("tag-filter")).sendKeys("conveyor/speed");
        await(5).until(d -> d.findElements(By.cssSelector("#tag-table tbody tr:not([hidden])"))
                        .size()
                == 2); // speed and speedSetpoint
        driver.findElement(By.linkText("transport/conveyor/speed")).click();
        await(10).until(d -> d.getCurrentUrl().contains("conveyor%2Fspeed"));
        await(15)
                .until(d -> !d.findElements(By.cssSelector("#trend-chart path.line"))
                        .isEmpty());
        assertThat(Browser.text(driver, By.id("trend-caption"))).contains("intervals with data");
        screenshot("tags");
    }

    @Test
    @Order(6)
    void theAttackBecomesAnIncidentThatCanBeAcknowledgedOrThePageSaysIncidentsAreNotOnThisHub() throws Exception {
        go("#/incidents");
        await(10).until(d -> !d.findElements(By.cssSelector("#event-list li")).isEmpty());
        assertThat(Browser.text(driver, By.id("event-list"))).contains("edge demo-line1 started");
        if (unavailable("/api/incidents")) {
            assertThat(Browser.text(driver, By.cssSelector(".unavailable"))).contains("not available on this hub");
            screenshot("incidents");
            return;
        }
        await(90).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("#incident-table tbody tr a")).isEmpty();
        });
        screenshot("incidents");
        driver.findElement(By.cssSelector("#incident-table tbody tr a")).click();
        await(10).until(ExpectedConditions.elementToBeClickable(By.id("btn-acknowledge")));
        assertThat(driver.findElements(By.cssSelector("#incident-events li"))).isNotEmpty();
        driver.findElement(By.id("btn-acknowledge")).click();
        await(10).until(ExpectedConditions.textToBe(By.id("incident-status"), "acknowledged"));
        screenshot("incident");
    }

    @Test
    @Order(7)
    void oeeAndEnergyPagesShowTheirFiguresOrSayTheyAreNotOnThisHub() throws Exception {
        go("#/oee");
        assertThat(unavailable("/api/oee")
                        || !driver.findElements(By.id("oee-table")).isEmpty()
                        || !driver.findElements(By.cssSelector(".notice")).isEmpty())
                .isTrue();
        screenshot("oee");
        go("#/energy");
        await(10)
                .until(d -> d.findElements(By.cssSelector("#meter .meter-card")).size() == 6);
        assertThat(Browser.text(driver, By.id("meter"))).contains("kW");
        assertThat(unavailable("/api/energy")
                        || !driver.findElements(By.id("energy-table")).isEmpty())
                .isTrue();
        screenshot("energy");
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void runbookMarkdownIsRenderedAsTextNeverAsMarkup() {
        go("#/");
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import("/js/markdown.js").then(({ markdown }) => {
                  const el = markdown("# Isolate\\n\\n1. Block <img src=x onerror=alert(1)> at the conduit\\n"
                    + "2. See [runbook](javascript:alert(1)) and [docs](https://example.invalid/x)\\n\\n"
                    + "**Verify** the `PLC` program\\n\\n<script>alert(1)</script>");
                  done({ imgs: el.querySelectorAll("img,script").length, html: el.innerHTML,
                    links: [...el.querySelectorAll("a")].map((a) => a.getAttribute("href")),
                    items: el.querySelectorAll("ol li").length, strong: el.querySelector("strong")?.textContent });
                });
                """);
        assertThat(((Number) r.get("imgs")).intValue()).isZero();
        assertThat((String) r.get("html")).contains("&lt;img").contains("&lt;script&gt;");
        assertThat((List<Object>) r.get("links")).containsExactly("https://example.invalid/x");
        assertThat(((Number) r.get("items")).intValue()).isEqualTo(2);
        assertThat(r.get("strong")).isEqualTo("Verify");
    }

    @Test
    @Order(9)
    void theRunbooksPageSaysWhatEachRunbookCoversAndAnIncidentLinksToItsRunbook() throws Exception {
        go("#/runbooks");
        assertThat(driver.findElements(By.cssSelector("#runbooks-table tbody tr")))
                .as("the incident desk's bundled runbooks")
                .hasSizeGreaterThan(5);
        String table = Browser.text(driver, By.id("runbooks-table"));
        assertThat(table).contains("ATT&CK for ICS T0855").contains("machine fault:");
        screenshot("runbooks");

        driver.findElement(By.cssSelector("#runbooks-table tr[data-runbook='T0855'] a"))
                .click();
        await(10).until(d -> d.getCurrentUrl().endsWith("#/runbooks/T0855"));
        await(10).until(d -> !d.findElements(By.id("runbook-body")).isEmpty());
        assertThat(Browser.text(driver, By.cssSelector("#page h2"))).contains("T0855");
        assertThat(Browser.text(driver, By.id("runbook-body"))).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#runbook-body script, #runbook-body img")))
                .isEmpty();
        screenshot("runbook");

        // the incident test acknowledged the attack's incident: it is listed under "acknowledged"
        driver.get(base + "#/incidents?status=acknowledged");
        driver.navigate().refresh();
        clickWhenPresent(By.cssSelector("#incident-table tbody tr a"), 60);
        await(10).until(d -> !d.findElements(By.id("incident-runbook-link")).isEmpty());
        String runbook = await(10)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("incident-runbook-link")).getText());
        clickWhenPresent(By.id("incident-runbook-link"), 10);
        await(10).until(d -> d.getCurrentUrl().contains("#/runbooks/"));
        await(10).until(d -> !d.findElements(By.id("runbook-body")).isEmpty());
        assertThat(runbook).endsWith(driver.getCurrentUrl().replaceAll(".*#/runbooks/", ""));
        assertThat(Browser.text(driver, By.cssSelector("nav a[aria-current='page']")))
                .isEqualTo("Runbooks");
    }

    @Test
    @Order(10)
    void theConsoleFetchesNothingFromOutsideTheHub() {
        go("#/");
        @SuppressWarnings("unchecked")
        List<String> urls =
                (List<String>) driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(base));
    }

    @Test
    @Order(10)
    void anOperatorsSetpointChangeIsApprovedInASecondBrowserAndShowsLiveAndInTheAuditLog() throws Exception {
        String tag = "acme/springfield/packaging/line1/transport/conveyor/speedSetpoint";
        String page = base + "#/tags/" + tag.replace("/", "%2F");
        signIn(driver, "operator", true);
        driver.get(page);
        await(15).until(d -> !d.findElements(By.id("setpoint-value")).isEmpty());
        await(15)
                .until(d -> !d.findElement(By.cssSelector("[data-tag='" + tag + "']"))
                        .getText()
                        .equals("–"));
        String before = Browser.text(driver, By.cssSelector("[data-tag='" + tag + "']"));
        String wanted = before.equals("150") ? "140" : "150";
        driver.findElement(By.id("setpoint-value")).sendKeys(wanted, Keys.ENTER);
        await(15)
                .until(d -> !d.findElements(By.cssSelector("#setpoint-result [data-status='pending']"))
                        .isEmpty());
        String id = driver.findElement(By.cssSelector("#setpoint-result [data-status='pending']"))
                .getAttribute("data-approval");
        assertThat(id).startsWith("apr-");
        assertThat(Browser.text(driver, By.cssSelector("[data-tag='" + tag + "']")))
                .isEqualTo(before);

        try (Browser second = Browser.start()) { // the approver, in a browser of their own
            ChromeDriver other = second.driver;
            signIn(other, "approver", false);
            other.get(base + "#/approvals");
            Browser.waitFor(other, 15)
                    .until(d -> !d.findElements(By.id("approve-" + id)).isEmpty());
            assertThat(Browser.text(other, By.cssSelector("#pending-table tr[data-approval='" + id + "']")))
                    .contains("conveyor/speedSetpoint", wanted, "operator");
            screenshot(other, "approvals");
            other.findElement(By.id("approve-" + id)).sendKeys(Keys.ENTER);
            Browser.waitFor(other, 15)
                    .until(d -> !d.findElements(By.cssSelector(
                                    "#decided-table tr[data-approval='" + id + "'] td[data-state='executed']"))
                            .isEmpty());
        }
        // the operator's tag page shows the new value from the live stream, without a reload
        await(20)
                .until(d -> d.findElement(By.cssSelector("[data-tag='" + tag + "']"))
                        .getText()
                        .equals(wanted));

        driver.get(base + "#/audit");
        await(15)
                .until(d ->
                        !d.findElements(By.cssSelector("#audit-table tbody tr")).isEmpty());
        assertThat(driver.findElement(By.id("audit-verified")).getAttribute("data-ok"))
                .isEqualTo("true");
        assertThat(Browser.text(driver, By.id("audit-verified"))).contains("verified");
        List<String> types = driver.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-type"))
                .toList();
        assertThat(types).contains("write.requested", "write.approved", "write.executing", "write.executed");
        assertThat(Browser.text(driver, By.id("audit-table"))).contains(id);
        screenshot("audit");
    }

    @Test
    @Order(11)
    void anApproverRejectsTheOperatorsChangeWhichShowsRejectedAndStaysInTheVerifiedAuditLog() throws Exception {
        String tag = "acme/springfield/packaging/line1/transport/conveyor/speedSetpoint";
        signInOnce(driver, "operator");
        driver.get(base + "#/tags/" + tag.replace("/", "%2F"));
        await(15).until(d -> !d.findElements(By.id("setpoint-value")).isEmpty());
        driver.findElement(By.id("setpoint-value")).sendKeys("133", Keys.ENTER);
        await(15)
                .until(d -> !d.findElements(By.cssSelector("#setpoint-result [data-status='pending']"))
                        .isEmpty());
        String id = driver.findElement(By.cssSelector("#setpoint-result [data-status='pending']"))
                .getAttribute("data-approval");

        try (Browser second = Browser.start()) {
            ChromeDriver other = second.driver;
            signIn(other, "approver", false);
            other.get(base + "#/approvals");
            WebDriverWait wait = Browser.waitFor(other, 15);
            wait.until(d -> !d.findElements(By.id("reject-" + id)).isEmpty());
            other.findElement(By.id("reject-reason")).sendKeys("not during the changeover");
            other.findElement(By.id("reject-" + id)).sendKeys(Keys.ENTER);
            wait.until(d -> !d.findElements(
                            By.cssSelector("#decided-table tr[data-approval='" + id + "'] td[data-state='rejected']"))
                    .isEmpty());
            assertThat(Browser.text(other, By.id("approval-message"))).contains(id + " rejected");
        }
        // the operator's own list shows the request as rejected by the approver, with the reason
        // (from GET /gw/approvals: the requester's page was opened after the rejection)
        driver.get(base + "#/approvals");
        await(15)
                .until(d -> !d.findElements(By.cssSelector(
                                "#decided-table tr[data-approval='" + id + "'] td[data-state='rejected']"))
                        .isEmpty());
        assertThat(Browser.text(driver, By.cssSelector("#decided-table tr[data-approval='" + id + "']")))
                .contains("approver", "rejected", "not during the changeover");

        driver.get(base + "#/audit");
        await(15)
                .until(d -> d.findElements(By.cssSelector("#audit-table tbody tr")).stream()
                        .anyMatch(r -> "write.rejected".equals(r.getAttribute("data-type"))));
        assertThat(driver.findElement(By.id("audit-verified")).getAttribute("data-ok"))
                .isEqualTo("true");
        assertThat(Browser.text(driver, By.id("audit-table"))).contains(id, "not during the changeover");

        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute("audit", "verify", demo.auditDir().toString()))
                .as(out.toString())
                .isZero();
    }

    @Test
    @Order(12)
    void signingOutEndsTheSessionAtTheGatewayAndInTheTab() throws Exception {
        signInOnce(driver, "operator");
        driver.get(base + "#/signin");
        await(15).until(d -> !d.findElements(By.id("btn-signout")).isEmpty());
        String stored = (String) driver.executeScript("return sessionStorage.getItem('isthmus.gateway.session')");
        String token = new ObjectMapper().readTree(stored).get("token").asText();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest me = HttpRequest.newBuilder(URI.create(base + "gw/me"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(15))
                .build();
        assertThat(http.send(me, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        driver.findElement(By.id("btn-signout")).sendKeys(Keys.ENTER);
        await(15).until(d -> !d.findElements(By.id("signed-out")).isEmpty());
        assertThat(driver.executeScript("return sessionStorage.getItem('isthmus.gateway.session')"))
                .isNull();
        assertThat(http.send(me, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the token is revoked at the gateway, not only forgotten by the tab")
                .isEqualTo(401);
    }

    /** Signs in unless this tab already holds a session of {@code name}. */
    static void signInOnce(ChromeDriver d, String name) throws Exception {
        d.get(base + "#/");
        Object stored = d.executeScript("return sessionStorage.getItem('isthmus.gateway.session')");
        if (stored == null || !stored.toString().contains("\"account\":\"" + name + "\"")) {
            signIn(d, name, false);
        }
    }

    /** The TOTP step each person last signed in with: a code is accepted once, so a second sign-in waits. */
    static final Map<String, Long> lastStep = new ConcurrentHashMap<>();

    /** Signs in by keyboard alone with the demo's printed password and the current TOTP code. */
    static void signIn(ChromeDriver d, String name, boolean photograph) throws Exception {
        DemoGateway.DemoUser u = demo.gatewayUsers().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow();
        d.get(base + "#/");
        d.get(base + "#/signin");
        WebDriverWait wait = Browser.waitFor(d, 15);
        wait.until(x -> "signin-user".equals(x.switchTo().activeElement().getAttribute("id")));
        d.switchTo().activeElement().sendKeys(name, Keys.TAB);
        assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("signin-password");
        d.switchTo().activeElement().sendKeys(u.password(), Keys.TAB);
        assertThat(d.switchTo().activeElement().getAttribute("id")).isEqualTo("signin-totp");
        if (photograph) {
            screenshot(d, "signin");
        }
        Long used = lastStep.get(name);
        while (used != null && Instant.now().getEpochSecond() / 30 <= used) {
            Thread.sleep(500);
        }
        Instant at = Instant.now();
        lastStep.put(name, at.getEpochSecond() / 30);
        String code = Totp.codeAt(Base32.decode(u.totpSecret()).orElseThrow(), at);
        d.switchTo().activeElement().sendKeys(code, Keys.ENTER);
        wait.until(x -> !x.findElements(By.id("who")).isEmpty());
        assertThat(d.findElement(By.id("who")).getText()).isEqualTo(name);
    }
}
