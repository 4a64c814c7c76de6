package io.isthmus.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isthmus.model.Quality;
import io.isthmus.model.Sample;
import io.isthmus.model.TagPath;
import io.isthmus.model.Value;
import io.javalin.http.Context;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in, setpoint change, approvals and audit pages in Debian's chromium against a console
 * server answering the access gateway's documented shapes (docs/api.md "Access gateway" and
 * {@code GET /api/audit}): two people, one pending approval, a lockout and an expiring session.
 * This proves the pages read and send exactly those shapes, drive them by keyboard alone and say
 * every refusal in words; {@link ConsoleBrowserTest} runs the same story against the real demo.
 */
class GatewayPagesContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SPEED = "acme/springfield/packaging/line1/filling/filler/speed-setpoint";
    static final String STATE = "acme/springfield/packaging/line1/filling/filler/state";

    /** The gateway side of the contract, in memory: sessions, approvals and what was written. */
    static final Map<String, String> sessions = new ConcurrentHashMap<>();

    static final List<Map<String, Object>> approvals = new CopyOnWriteArrayList<>();
    static final List<JsonNode> writes = new CopyOnWriteArrayList<>();
    static final List<String> logouts = new CopyOnWriteArrayList<>();
    static final List<JsonNode> closes = new CopyOnWriteArrayList<>();
    static final AtomicInteger failures = new AtomicInteger();

    static ConsoleServer server;
    static LatestValues values = new LatestValues();
    static Browser browser;
    static ChromeDriver driver;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        ConsoleServer.Routes gateway = (app, json) -> {
            app.post("/gw/login", GatewayPagesContractTest::login);
            app.get("/gw/me", ctx -> {
                String who = who(ctx);
                if (who != null) {
                    ctx.json(Map.of("name", who, "roles", List.of(who)));
                }
            });
            app.post("/gw/writes", GatewayPagesContractTest::write);
            app.get("/gw/approvals", ctx -> {
                if (who(ctx) != null) {
                    ctx.json(Map.of("items", approvals));
                }
            });
            app.post("/gw/approvals/{id}/approve", GatewayPagesContractTest::approve);
            app.post("/gw/approvals/{id}/reject", ctx -> close(ctx, "rejected"));
            app.post("/gw/approvals/{id}/withdraw", ctx -> close(ctx, "withdrawn"));
            app.post("/gw/logout", ctx -> {
                String auth = ctx.header("Authorization");
                if (who(ctx) != null) {
                    String who = sessions.remove(auth.replaceFirst("^Bearer ", ""));
                    logouts.add(who);
                    ctx.json(Map.of("account", who, "state", "signed-out"));
                }
            });
            app.get("/api/audit", GatewayPagesContractTest::audit);
        };
        List<TagJson> tags = List.of(
                new TagJson(SPEED, "holding:10", "bpm", true, "filler speed setpoint", "filler"),
                new TagJson(STATE, "holding:0", "", false, "filler state", "filler"));
        server = new ConsoleServer(values, () -> tags, () -> Map.of("status", "ok", "role", "hub"), gateway)
                .start(new InetSocketAddress("127.0.0.1", 0));
        publish(120);
        base = "http://127.0.0.1:" + server.port() + "/";
        browser = Browser.start();
        driver = browser.driver;
    }

    static void publish(double speed) {
        values.publish(List.of(new Sample(TagPath.parse(SPEED), Instant.now(), Value.of(speed), Quality.GOOD)));
    }

    @BeforeEach
    void fresh() {
        sessions.clear();
        approvals.clear();
        writes.clear();
        logouts.clear();
        closes.clear();
        failures.set(0);
        driver.get(base + "#/");
        driver.executeScript("sessionStorage.clear()");
    }

    @AfterEach
    void forget() {
        driver.executeScript("sessionStorage.clear(); localStorage.clear()");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static void login(Context ctx) throws Exception {
        JsonNode b = JSON.readTree(ctx.body());
        String user = b.path("user").asText();
        if ("locked".equals(user)) {
            ctx.header("Retry-After", "900");
            ConsoleServer.problem(
                    ctx, 429, "Too Many Requests", "too many failed logins; try again after 2026-11-26T10:15:00Z");
            return;
        }
        boolean ok = List.of("operator", "approver").contains(user)
                && b.path("password").asText().equals("pw-" + user)
                && b.path("totp").asText().equals("123456");
        if (!ok) {
            failures.incrementAndGet();
            ConsoleServer.problem(ctx, 401, "Unauthorized", "login failed");
            return;
        }
        String token = "tok-" + user + "-" + sessions.size();
        sessions.put(token, user);
        ctx.json(Map.of("token", token, "account", user, "roles", List.of(user), "kind", "person"));
    }

    /** The account of the bearer token, or null after answering 401. */
    static String who(Context ctx) {
        String auth = ctx.header("Authorization");
        String who = auth == null ? null : sessions.get(auth.replaceFirst("^Bearer ", ""));
        if (who == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            ConsoleServer.problem(
                    ctx, 401, "Unauthorized", "log in at POST /gw/login, or present a mapped client certificate");
        }
        return who;
    }

    static void write(Context ctx) throws Exception {
        String who = who(ctx);
        if (who == null) {
            return;
        }
        JsonNode item = JSON.readTree(ctx.body()).path("items").path(0);
        writes.add(item);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tag", item.path("tag").asText());
        if (!item.path("tag").asText().equals(SPEED)) {
            out.put("status", "denied");
            out.put("reason", "not-writable");
            out.put("detail", "only 16-bit holding registers and coils can be written");
        } else {
            String id = "apr-" + (approvals.size() + 1);
            Instant expires = Instant.now().plus(Duration.ofMinutes(10));
            approvals.add(new LinkedHashMap<>(Map.of(
                    "id",
                    id,
                    "state",
                    "pending",
                    "tag",
                    SPEED,
                    "value",
                    item.path("value").asDouble(),
                    "action",
                    "write",
                    "requester",
                    who,
                    "created",
                    Instant.now().toString(),
                    "expires",
                    expires.toString())));
            out.put("status", "pending");
            out.put("approval", id);
            out.put("expires", expires.toString());
        }
        ctx.json(Map.of("items", List.of(out)));
    }

    static void approve(Context ctx) {
        String who = who(ctx);
        if (who == null) {
            return;
        }
        for (Map<String, Object> a : approvals) {
            if (a.get("id").equals(ctx.pathParam("id"))) {
                if (a.get("requester").equals(who)) {
                    ConsoleServer.problem(ctx, 403, "Forbidden", "self-approval: a second person must approve");
                    return;
                }
                a.put("state", "executed");
                a.put("approver", who);
                publish((Double) a.get("value"));
                ctx.json(a);
                return;
            }
        }
        ConsoleServer.problem(ctx, 404, "Not Found", "no approval " + ctx.pathParam("id"));
    }

    /** Reject (a second person, optional reason) or withdraw (the requester), as docs/api.md says. */
    static void close(Context ctx, String state) throws Exception {
        String who = who(ctx);
        if (who == null) {
            return;
        }
        JsonNode body = ctx.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
        closes.add(body);
        for (Map<String, Object> a : approvals) {
            if (a.get("id").equals(ctx.pathParam("id"))) {
                boolean own = a.get("requester").equals(who);
                if (state.equals("rejected") == own) {
                    ConsoleServer.problem(
                            ctx,
                            403,
                            "Forbidden",
                            own
                                    ? "self-rejection: withdraw it instead"
                                    : "not-requester: only the requester withdraws");
                    return;
                }
                a.put("state", state);
                a.put("approver", state.equals("rejected") ? who : "");
                Map<String, Object> out = new LinkedHashMap<>(a);
                if (body.hasNonNull("reason")) {
                    out.put("reason", body.get("reason").asText());
                }
                ctx.json(out);
                return;
            }
        }
        ConsoleServer.problem(ctx, 404, "Not Found", "no approval " + ctx.pathParam("id"));
    }

    static void audit(Context ctx) throws Exception {
        int limit =
                Integer.parseInt(ctx.queryParamAsClass("limit", String.class).getOrDefault("50"));
        int offset =
                Integer.parseInt(ctx.queryParamAsClass("offset", String.class).getOrDefault("0"));
        String result = ctx.queryParam("result");
        List<JsonNode> all = new ArrayList<>();
        for (int i = 120; i >= 1; i--) { // newest first
            String r = i % 10 == 0 && i != 120 ? "denied" : "success";
            all.add(JSON.readTree("""
                    {"index":%d,"time":"2026-11-26T%02d:%02d:00Z","source":"127.0.0.1","category":"control-system",
                     "type":"%s","id":"apr-%d","result":"%s","actor":"%s","detail":{"tag":"%s","value":"120"}}""".formatted(
                            i,
                            8 + i / 60,
                            i % 60,
                            i == 120 ? "write.executed" : i % 10 == 0 ? "approval" : "write.requested",
                            i,
                            r,
                            i % 2 == 0 ? "approver" : "operator",
                            SPEED)));
        }
        List<JsonNode> items = all.stream()
                .filter(a -> result == null || a.path("result").asText().equals(result))
                .toList();
        ctx.json(Map.of(
                "items", items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size())),
                "total", items.size(),
                "limit", limit,
                "offset", offset,
                "verified",
                        Map.of(
                                "ok",
                                true,
                                "records",
                                120,
                                "checkpoint",
                                Map.of("size", 118, "time", "2026-11-26T09:58:30Z"),
                                "warnings",
                                List.of("UNSIGNED_TAIL at line 118: 2 records after the last checkpoint")),
                "capacity", Map.of("used", 900 * 1024, "limit", 1024 * 1024, "warning", true)));
    }

    static WebDriverWait await() {
        return Browser.waitFor(driver, 10);
    }

    static WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Types into the focused field, then Tab to the next: the sign-in form by keyboard alone. */
    static void signIn(String user, String password, String code) {
        driver.get(base + "#/");
        driver.get(base + "#/signin");
        await().until(d -> "signin-user".equals(focused().getAttribute("id")));
        focused().sendKeys(user, Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("signin-password");
        focused().sendKeys(password, Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("signin-totp");
        focused().sendKeys(code, Keys.ENTER);
    }

    static String text(String id) {
        return Browser.text(driver, By.id(id));
    }

    @Test
    void signingInByKeyboardShowsWhoIsSignedInKeepsTheTokenOutOfLocalStorageAndSignsOut() throws Exception {
        driver.get(base + "#/signin");
        await().until(d -> "signin-user".equals(focused().getAttribute("id")));
        driver.findElement(By.id("signin-user")).sendKeys("approver");
        signIn("operator", "pw-operator", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        assertThat(text("who")).isEqualTo("operator");
        assertThat(text("session-account")).isEqualTo("operator");
        assertThat(focused().getAttribute("id")).isEqualTo("btn-signout");
        assertThat(driver.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat((String) driver.executeScript("return sessionStorage.getItem('isthmus.gateway.session')"))
                .contains("tok-operator");
        focused().sendKeys(Keys.ENTER);
        await().until(d -> !d.findElements(By.id("header-signin")).isEmpty());
        assertThat(driver.executeScript("return sessionStorage.length")).isEqualTo(0L);
        // the gateway was told: the token is revoked there, not only forgotten here
        await().until(d -> logouts.contains("operator"));
        assertThat(sessions).isEmpty();
        await().until(d -> !d.findElements(By.id("signed-out")).isEmpty());
    }

    @Test
    void aFailedSignInAndALockoutAreSaidPlainlyFromTheProblem() {
        signIn("operator", "wrong", "123456");
        await().until(d -> text("signin-message").startsWith("Sign-in failed"));
        assertThat(text("signin-message")).contains("does not say which");
        assertThat(failures.get()).isEqualTo(1);
        assertThat(focused().getAttribute("id")).isEqualTo("signin-password");

        signIn("locked", "whatever", "000000");
        await().until(d -> text("signin-message").startsWith("Too many failed sign-ins"));
        assertThat(text("signin-message")).contains("try again in 15 min");
        assertThat(driver.findElements(By.id("who"))).isEmpty();
    }

    @Test
    void anExpiredSessionSendsThePersonBackToSignIn() {
        signIn("approver", "pw-approver", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        sessions.clear(); // the gateway forgot the session: it expired
        driver.get(base + "#/approvals");
        await().until(d -> !d.findElements(By.id("signin-expired")).isEmpty());
        assertThat(text("signin-expired")).contains("expired");
        assertThat(driver.findElements(By.id("header-signin"))).hasSize(1);
    }

    @Test
    void aSetpointChangeWaitsForASecondPersonWhoApprovesItByKeyboard() throws Exception {
        signIn("operator", "pw-operator", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        driver.get(base + "#/tags/" + SPEED.replace("/", "%2F"));
        await().until(d -> !d.findElements(By.id("setpoint-value")).isEmpty());
        WebElement value = driver.findElement(By.id("setpoint-value"));
        value.sendKeys("abc", Keys.ENTER);
        await().until(d -> text("setpoint-result").contains("not a number"));
        assertThat(writes).isEmpty();
        value.clear();
        value.sendKeys("135", Keys.ENTER);
        await().until(d -> !d.findElements(By.cssSelector("#setpoint-result [data-status='pending']"))
                .isEmpty());
        assertThat(text("setpoint-result")).contains("Pending approval", "apr-1");
        assertThat(writes.get(0).toString()).isEqualTo("{\"tag\":\"" + SPEED + "\",\"value\":135}");

        driver.get(base + "#/approvals");
        await().until(d -> !d.findElements(By.cssSelector("#pending-table tr[data-approval='apr-1']"))
                .isEmpty());
        assertThat(text("pending-table")).contains("your request: another person approves");
        assertThat(driver.findElements(By.id("approve-apr-1"))).isEmpty();
        assertThat(driver.findElements(By.id("reject-apr-1"))).isEmpty();
        assertThat(driver.findElements(By.id("withdraw-apr-1"))).hasSize(1);

        driver.findElement(By.id("header-signout")).click();
        signIn("approver", "pw-approver", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        driver.get(base + "#/approvals");
        await().until(d -> !d.findElements(By.id("approve-apr-1")).isEmpty());
        Instant expires = Instant.parse((String) approvals.get(0).get("expires"));
        long leftBefore = Duration.between(Instant.now(), expires).toSeconds();
        String row = Browser.text(driver, By.cssSelector("#pending-table tr[data-approval='apr-1']"));
        long leftAfter = Duration.between(Instant.now(), expires).toSeconds();
        assertThat(row).contains("filling/filler/speed-setpoint", "120", "135", "operator", "write");
        // the countdown: what was left of the ten minutes when the row was read (a loaded machine
        // may take many seconds to get here, so the window comes from the clock, not a constant)
        assertThat(java.util.regex.Pattern.compile("\\b(\\d{1,2}):([0-5]\\d)\\b")
                        .matcher(row)
                        .results()
                        .mapToLong(m -> Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))))
                .as("a countdown between %d and %d seconds in %s", leftAfter - 2, leftBefore + 1, row)
                .anyMatch(left -> left >= leftAfter - 2 && left <= leftBefore + 1);
        driver.findElement(By.id("approve-apr-1")).sendKeys(Keys.ENTER);
        await().until(d -> !d.findElements(By.cssSelector("#decided-table td[data-state='executed']"))
                .isEmpty());
        assertThat(text("approval-message")).contains("apr-1 executed");
        assertThat(text("decided-table")).contains("approver", "executed");
        assertThat(driver.findElements(By.id("no-pending"))).hasSize(1);

        driver.get(base + "#/tags/" + SPEED.replace("/", "%2F"));
        await().until(d -> d.findElement(By.cssSelector("[data-tag='" + SPEED + "']"))
                .getText()
                .equals("135"));
    }

    @Test
    void aRecipeShowsEveryItemAndIsApprovedOnceAsAWholeByKeyboard() {
        String fill = "acme/springfield/packaging/line1/filling/filler/fill-volume";
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("id", "apr-9");
        recipe.put("state", "pending");
        recipe.put("tag", SPEED);
        // the speed item keeps the value the other tests expect to be current (approving publishes it)
        recipe.put("value", 120.0);
        recipe.put("action", "write");
        recipe.put("requester", "operator");
        recipe.put("created", Instant.now().toString());
        recipe.put("expires", Instant.now().plus(Duration.ofMinutes(10)).toString());
        recipe.put("recipe", "bottle-500ml");
        recipe.put("description", "500 ml PET");
        recipe.put("items", List.of(Map.of("tag", SPEED, "value", 120.0), Map.of("tag", fill, "value", 500.0)));
        approvals.add(recipe);

        signIn("approver", "pw-approver", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        driver.get(base + "#/approvals");
        await().until(d -> !d.findElements(By.id("approve-apr-9")).isEmpty());
        assertThat(Browser.text(driver, By.cssSelector("#pending-table tr[data-approval='apr-9']")))
                .contains("Recipe bottle-500ml", "500 ml PET", "filling/filler/speed-setpoint", "120", "fill-volume")
                .contains("500", "2 setpoints", "operator");
        assertThat(driver.findElements(By.cssSelector("#pending-table tr[data-approval='apr-9'] ul.recipe-items li")))
                .hasSize(2);
        assertThat(driver.findElement(By.id("approve-apr-9")).getAttribute("aria-label"))
                .isEqualTo("Approve apr-9: all 2 setpoints of recipe bottle-500ml");

        driver.findElement(By.id("approve-apr-9")).sendKeys(Keys.ENTER);
        await().until(d -> !d.findElements(By.cssSelector("#decided-table td[data-state='executed']"))
                .isEmpty());
        assertThat(text("approval-message")).contains("apr-9 executed: recipe bottle-500ml (2 setpoints) written");
        assertThat(text("decided-table")).contains("Recipe bottle-500ml", "fill-volume", "2 setpoints");
    }

    @Test
    void anApproverRejectsWithAReasonAndARequesterWithdrawsTheirOwnByKeyboard() throws Exception {
        signIn("operator", "pw-operator", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        driver.get(base + "#/tags/" + SPEED.replace("/", "%2F"));
        await().until(d -> !d.findElements(By.id("setpoint-value")).isEmpty());
        driver.findElement(By.id("setpoint-value")).sendKeys("136", Keys.ENTER);
        await().until(d -> text("setpoint-result").contains("apr-1"));
        driver.findElement(By.id("setpoint-value")).clear();
        driver.findElement(By.id("setpoint-value")).sendKeys("137", Keys.ENTER);
        await().until(d -> text("setpoint-result").contains("apr-2"));

        driver.get(base + "#/approvals");
        await().until(d -> !d.findElements(By.id("withdraw-apr-2")).isEmpty());
        driver.findElement(By.id("withdraw-apr-2")).sendKeys(Keys.ENTER);
        await().until(d -> !d.findElements(
                        By.cssSelector("#decided-table tr[data-approval='apr-2'] td[data-state='withdrawn']"))
                .isEmpty());
        assertThat(text("approval-message")).contains("apr-2 withdrawn", "stays as it is");

        driver.findElement(By.id("header-signout")).click();
        await().until(d -> logouts.contains("operator"));
        signIn("approver", "pw-approver", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        driver.get(base + "#/approvals");
        await().until(d -> !d.findElements(By.id("reject-apr-1")).isEmpty());
        assertThat(driver.findElements(By.id("reject-apr-2"))).isEmpty();
        driver.findElement(By.id("reject-reason")).sendKeys("the line is changing over");
        driver.findElement(By.id("reject-apr-1")).sendKeys(Keys.ENTER);
        await().until(d -> !d.findElements(
                        By.cssSelector("#decided-table tr[data-approval='apr-1'] td[data-state='rejected']"))
                .isEmpty());
        assertThat(text("approval-message")).contains("apr-1 rejected");
        assertThat(closes.get(closes.size() - 1).toString()).isEqualTo("{\"reason\":\"the line is changing over\"}");
        assertThat(driver.findElement(By.id("reject-reason")).getAttribute("value"))
                .isEmpty();
        assertThat(approvals.get(0).get("state")).isEqualTo("rejected");
        assertThat(driver.findElements(By.id("no-pending"))).hasSize(1);
    }

    @Test
    void aWriteTheGatewayDeniesShowsTheReason() {
        signIn("operator", "pw-operator", "123456");
        await().until(d -> !d.findElements(By.id("who")).isEmpty());
        driver.get(base + "#/tags/" + STATE.replace("/", "%2F"));
        await().until(d -> !d.findElements(By.id("setpoint-value")).isEmpty());
        driver.findElement(By.id("setpoint-value")).sendKeys("on", Keys.ENTER);
        await().until(d -> !d.findElements(By.cssSelector("#setpoint-result [data-status='denied']"))
                .isEmpty());
        assertThat(text("setpoint-result")).contains("Denied", "not-writable", "holding registers");
        assertThat(writes.get(0).path("value").isBoolean()).isTrue();
    }

    @Test
    void withoutASessionTheTagPageOffersSignInInsteadOfTheForm() {
        driver.get(base + "#/tags/" + SPEED.replace("/", "%2F"));
        await().until(d -> !d.findElements(By.id("setpoint-signin")).isEmpty());
        assertThat(driver.findElements(By.id("setpoint-form"))).isEmpty();
        driver.findElement(By.id("setpoint-signin")).click();
        await().until(d -> d.getCurrentUrl().contains("#/signin?next="));
    }

    @Test
    void theAuditPageShowsVerificationCapacityAndPagesNewestFirstWithFilters() throws Exception {
        driver.get(base + "#/audit");
        await().until(d ->
                !d.findElements(By.cssSelector("#audit-table tbody tr")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#audit-table tbody tr"))).hasSize(50);
        assertThat(text("audit-verified")).contains("verified", "120 records", "checkpoint: 118 records");
        assertThat(text("audit-verified")).contains("UNSIGNED_TAIL");
        assertThat(text("audit-capacity")).contains("Capacity warning", "900.0 KiB of 1.0 MiB (88 %)");
        assertThat(Browser.text(driver, By.cssSelector("#audit-table tbody tr td")))
                .isEqualTo("120");
        assertThat(text("audit-pager")).contains("1–50 of 120");
        assertThat(driver.findElement(By.id("audit-newer")).isEnabled()).isFalse();
        driver.findElement(By.id("audit-older")).sendKeys(Keys.ENTER);
        await().until(d -> text("audit-pager").contains("51–100 of 120"));
        assertThat(Browser.text(driver, By.cssSelector("#audit-table tbody tr td")))
                .isEqualTo("70");

        WebElement result = driver.findElement(By.id("audit-result"));
        result.sendKeys("denied");
        result.sendKeys(Keys.TAB); // to Apply
        assertThat(focused().getAttribute("id")).isEqualTo("audit-apply");
        focused().sendKeys(Keys.ENTER);
        await().until(d -> text("audit-pager").contains("1–11 of 11"));
        assertThat(driver.getCurrentUrl()).endsWith("#/audit?result=denied");
        assertThat(driver.findElements(By.cssSelector("#audit-table tbody tr[data-result='denied']")))
                .hasSize(11);
    }
}
