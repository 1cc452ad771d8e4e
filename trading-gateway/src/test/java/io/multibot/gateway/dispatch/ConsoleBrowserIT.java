package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations console in a real Chromium (Debian's, through chromedriver) against the deployed
 * management-e2e and gateway-it servers, with simulated bots: what an operator and a viewer do.
 * Each page's screenshot goes to {@code target/console-screenshots/}; axe-core checks each page for
 * serious accessibility violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  private static final String SITE =
      "http://localhost:" + System.getProperty("it.e2e.management.port");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** The limit: a status change on screen within 2 s of management receiving it. */
  private static final Duration LIVE_LAG = Duration.ofSeconds(2);

  private final String tag = "console-" + UUID.randomUUID().toString().substring(0, 8);
  private String token;
  private SimulatorProcess first;
  private SimulatorProcess second;
  private String firstName;
  private String secondName;
  private WebDriver browser;
  private ConsolePage page;

  @BeforeAll
  void fleetAndBrowser(@TempDir Path dir) throws Exception {
    token = ManagementApi.token();
    String stopped = CommandCycleIT.BOT_CONFIG + ", \"initial_state\": \"stopped\"";
    first = SimulatorProcess.start(dir, stopped, Map.of());
    second = SimulatorProcess.start(dir, stopped, Map.of());
    firstName = ManagementApi.register(token, first, tag);
    secondName = ManagementApi.register(token, second, tag);
    browser = ConsolePage.chromium();
    page = new ConsolePage(browser, SITE, PATIENCE);
  }

  @AfterAll
  void close() throws InterruptedException {
    if (browser != null) {
      browser.quit();
    }
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  @Order(2)
  void aWrongPasswordShowsTheProblemsOwnMessage() {
    String detail =
        HttpJson.post(
                ManagementApi.API + "/auth/login",
                "{\"username\": \"admin\", \"password\": \"not-the-password\"}")
            .json()
            .getString("detail");

    page.signIn("admin", "not-the-password");

    assertThat(page.visible(By.cssSelector(".error[role=alert]")).getText()).contains(detail);
    page.screenshot("sign-in-refused");
    page.assertAccessible("sign-in");
  }

  @Test
  @Order(1)
  void anOperatorStartsABotEntersATradeThatAppearsLiveAndStopsIt() {
    page.signInAsAdmin();
    browser.get(SITE + "/#/fleet?tag=" + tag);
    page.visible(By.cssSelector("tr[data-bot='" + firstName + "']"));
    page.visible(By.cssSelector("tr[data-bot='" + secondName + "']"));
    page.awaitText(By.cssSelector("header .badge.live"), "live");
    page.screenshot("fleet");
    page.assertAccessible("fleet");

    browser.findElement(By.linkText(firstName)).click();
    page.click(ConsolePage.button("Start"));
    page.awaitText(By.cssSelector("h1 .badge.state"), "running");

    browser.findElement(By.id("entry-pair")).sendKeys("XRP/USDT");
    browser.findElement(By.id("entry-stake")).sendKeys("20");
    page.click(ConsolePage.button("Enter"));
    page.click(ConsolePage.button("Yes, enter"));
    // The test gateway polls every second, so freqtrade's /status budget (20 a minute, which the
    // gateway keeps) leaves gaps of up to 40 s without open trades: wait through one.
    WebElement trade =
        new WebDriverWait(browser, Duration.ofSeconds(90))
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr[data-pair='XRP/USDT']")));
    assertThat(trade.getText()).contains("long");
    page.screenshot("bot");
    page.assertAccessible("bot");

    page.click(ConsolePage.button("Stop"));
    CompletableFuture<Instant> stored = ApiWatch.firstSeen(token, firstName, "stopped", PATIENCE);
    page.click(ConsolePage.button("Yes, stop"));
    new WebDriverWait(browser, PATIENCE)
        .pollingEvery(Duration.ofMillis(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("h1 .badge.state"), "stopped"));
    Instant onScreen = Instant.now();
    assertThat(ManagementApi.get(token, "/bots/" + firstName + "/status").json().getString("state"))
        .isEqualTo("stopped");
    // The bot page reads the API every 10 s while its live stream is up, so only the pushed event
    // can bring the change within the 2 s of management storing it.
    Duration lag = Duration.between(stored.join(), onScreen);
    ApiWatch.record(Path.of("target", "console-screenshots", "live-lag.txt"), lag);
    assertThat(lag).as("status change on screen after management stored it").isLessThan(LIVE_LAG);
  }

  @Test
  @Order(4)
  void theKillSwitchAsksForThePhraseThenStopsEveryBot() throws Exception {
    for (String name : List.of(firstName, secondName)) {
      assertThat(ManagementApi.post(token, "/bots/" + name + "/start?wait=15s", null).status())
          .isEqualTo(200);
    }
    page.signInAsAdmin();
    browser.get(SITE + "/#/fleet?tag=" + tag);

    page.click(By.cssSelector("button.kill"));
    WebElement pull = page.visible(ConsolePage.button("Stop every bot"));
    assertThat(pull.isEnabled()).isFalse();
    browser.findElement(By.id("kill-phrase")).sendKeys("stop all");
    assertThat(pull.isEnabled()).isFalse();
    browser.findElement(By.id("kill-phrase")).sendKeys(Keys.BACK_SPACE.toString().repeat(8));
    browser.findElement(By.id("kill-phrase")).sendKeys("STOP ALL BOTS");
    page.click(pull);
    page.visible(By.cssSelector("dialog .batch progress"));
    page.screenshot("kill-switch");

    for (String name : List.of(firstName, secondName)) {
      ManagementApi.await(
          token,
          "/bots/" + name + "/status",
          status -> "stopped".equals(status.getString("state")));
    }
  }

  @Test
  @Order(3)
  void aViewerChangesTheInitialPasswordAndIsOfferedNoAction() {
    String viewer = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", viewer)
            .add("password", "initial-password-1")
            .add("role", "viewer")
            .build();
    assertThat(ManagementApi.post(token, "/users", user.toString()).status()).isEqualTo(201);

    page.signIn(viewer, "initial-password-1");
    page.visible(By.id("current")).sendKeys("initial-password-1");
    browser.findElement(By.id("new")).sendKeys("viewer-password-2");
    browser.findElement(By.id("again")).sendKeys("viewer-password-2");
    page.click(ConsolePage.button("Change password"));
    page.visible(By.id("username"));
    page.signIn(viewer, "viewer-password-2");
    browser.get(SITE + "/#/fleet?tag=" + tag);
    page.visible(By.cssSelector("tr[data-bot='" + firstName + "']"));

    assertThat(browser.findElements(By.cssSelector("button.kill"))).isEmpty();
    assertThat(browser.findElements(By.linkText("Users"))).isEmpty();
    assertThat(browser.findElements(By.linkText("Audit"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("table.fleet input[type=checkbox]"))).isEmpty();
    page.click(By.cssSelector("button[data-sort='profitAll']"));
    new WebDriverWait(browser, PATIENCE).until(d -> d.getCurrentUrl().contains("sort=-profitAll"));
    page.awaitAttribute(
        By.xpath("//th[.//button[@data-sort='profitAll']]"), "aria-sort", "descending");
    page.click(By.cssSelector("button[data-sort='profitAll']"));
    page.awaitAttribute(
        By.xpath("//th[.//button[@data-sort='profitAll']]"), "aria-sort", "ascending");
    page.visible(By.cssSelector("tr[data-bot='" + firstName + "']"));

    browser.findElement(By.linkText(firstName)).click();
    page.visible(By.id("status-title"));
    assertThat(browser.findElements(By.id("actions-title"))).isEmpty();
    assertThat(browser.findElements(ConsolePage.button("Force exit"))).isEmpty();
    page.screenshot("bot-as-viewer");
  }

  @Test
  @Order(5)
  void anAdminReadsUsersTheAuditLogAndStrategies() {
    page.signInAsAdmin();

    browser.get(SITE + "/#/users");
    page.visible(By.cssSelector("tr[data-user='admin']"));
    page.screenshot("users");
    page.assertAccessible("users");

    browser.get(SITE + "/#/audit");
    new WebDriverWait(browser, PATIENCE)
        .until(
            d ->
                d.findElements(By.cssSelector("table[aria-label='Audit entries'] tbody tr")).size()
                    > 1);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("auth.login");
    page.screenshot("audit");
    page.assertAccessible("audit");

    String strategy = ManagementApi.storeStrategy(token, "Aaa");
    browser.get(SITE + "/#/strategies");
    page.click(By.xpath("//button[@class='link' and text()='" + strategy + "']"));
    WebElement source = page.visible(By.cssSelector("pre.source"));
    new WebDriverWait(browser, PATIENCE).until(d -> source.getText().contains("class "));
    assertThat(source.findElements(By.cssSelector(".py-keyword")))
        .extracting(WebElement::getText)
        .contains("class", "pass");
    page.screenshot("strategies");
    page.assertAccessible("strategies");

    browser
        .findElement(By.id("strategy-source"))
        .sendKeys("class " + strategy + "(IStrategy):\n    minimal_roi = {\"0\": 0.04}\n");
    page.click(ConsolePage.button("Store as a new version"));
    page.awaitText(By.cssSelector("p.notice[role=status]"), "New version stored");
    new WebDriverWait(browser, PATIENCE)
        .until(d -> d.findElements(By.cssSelector("#compare-with option[value='1']")).size() == 1);
    new Select(browser.findElement(By.id("compare-with"))).selectByValue("1");
    WebElement added = page.visible(By.cssSelector(".diff tr.added"));
    assertThat(added.getText()).contains("minimal_roi");
    assertThat(browser.findElement(By.cssSelector(".diff tr.removed")).getText()).contains("pass");
    page.screenshot("strategy-diff");
    page.assertAccessible("strategy-diff");
  }

  @Test
  @Order(6)
  void anOperatorAddsARiskPolicyThatTripsAndReArmsIt() throws Exception {
    String policy = "console-" + UUID.randomUUID().toString().substring(0, 8);
    String silent = unreachableBot();
    page.signInAsAdmin();
    browser.get(SITE + "/#/risk");
    page.visible(By.id("policy-name")).sendKeys(policy);
    new Select(browser.findElement(By.id("policy-scope"))).selectByValue("bot");
    page.visible(By.id("policy-target")).sendKeys(silent);
    new Select(browser.findElement(By.id("policy-kind"))).selectByVisibleText("missed-polls");
    WebElement threshold = browser.findElement(By.id("policy-threshold"));
    threshold.clear();
    threshold.sendKeys("1");
    new Select(browser.findElement(By.id("policy-action"))).selectByVisibleText("notify");
    page.click(ConsolePage.button("Create policy"));
    page.awaitText(By.cssSelector("p.notice[role=status]"), "Created " + policy);

    ManagementApi.await(
        token, "/risk/policies/" + policy, p -> "tripped".equals(p.getString("state")));
    browser.get(SITE + "/#/fleet");
    browser.get(SITE + "/#/risk");
    By rearm =
        By.xpath(
            "//tr[th[normalize-space()='" + policy + "']]//button[normalize-space()='Re-arm']");
    page.visible(rearm);
    assertThat(
            browser.findElement(By.xpath("//tr[th[normalize-space()='" + policy + "']]")).getText())
        .contains("tripped")
        .contains("(breached)");
    page.screenshot("risk");
    page.assertAccessible("risk");
    page.click(rearm);
    page.awaitText(By.cssSelector("p.notice[role=status]"), "Re-armed " + policy);

    browser.get(SITE + "/#/notifications");
    page.visible(By.cssSelector("table[aria-label='Notifications']"));
    page.assertAccessible("notifications");
  }

  /** An external bot whose API nobody answers: every poll of it misses. */
  private String unreachableBot() {
    String name = "silent-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject request =
        ManagementApi.botRequest(name, ManagementApi.storeStrategy(token, "Silent"))
            .add("runMode", "external")
            .add("apiUrl", "http://127.0.0.1:9")
            .add("apiUsername", "nobody")
            .add("secrets", Json.createObjectBuilder().add("apiPassword", "nobody-password"))
            .build();
    assertThat(ManagementApi.post(token, "/bots", request.toString()).status()).isEqualTo(201);
    return name;
  }
}
