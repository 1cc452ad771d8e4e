package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console's browser tests do with a page: sign in, wait for what should show, click, take
 * screenshots ({@code it.console.screenshots}) and run axe-core ({@code it.console.axe}).
 */
final class ConsolePage {

  private final WebDriver browser;
  private final String site;
  private final Duration patience;

  ConsolePage(WebDriver browser, String site, Duration patience) {
    this.browser = browser;
    this.site = site;
    this.patience = patience;
  }

  static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(program("CHROMIUM_BIN", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(program("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")).toFile())
            .build();
    return new ChromeDriver(service, options);
  }

  /** Debian's Chromium by default; CHROMIUM_BIN and CHROMEDRIVER_BIN name others (CI's Chrome). */
  private static String program(String variable, String fallback) {
    String chosen = System.getenv(variable);
    return chosen == null || chosen.isBlank() ? fallback : chosen;
  }

  void awaitAttribute(By what, String attribute, String value) {
    new WebDriverWait(browser, patience)
        .until(ExpectedConditions.attributeToBe(what, attribute, value));
  }

  void signInAsAdmin() {
    signIn("admin", System.getProperty("it.admin.password"));
    visible(By.cssSelector("header.top"));
    // Signing in ends on the fleet page; going elsewhere before that would be overtaken by it.
    awaitText(By.tagName("h1"), "Fleet");
  }

  void signIn(String username, String password) {
    browser.manage().deleteAllCookies();
    browser.get(site + "/#/login");
    browser.navigate().refresh();
    WebElement name = visible(By.id("username"));
    name.clear();
    name.sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
  }

  static By button(String text) {
    return By.xpath("//button[normalize-space()='" + text + "']");
  }

  WebElement visible(By what) {
    try {
      return new WebDriverWait(browser, patience)
          .until(ExpectedConditions.visibilityOfElementLocated(what));
    } catch (TimeoutException e) {
      screenshot("timeout-" + Integer.toHexString(what.toString().hashCode()));
      throw new AssertionError(
          what + " not shown; the page says: " + browser.findElement(By.tagName("main")).getText(),
          e);
    }
  }

  void click(By what) {
    new WebDriverWait(browser, patience)
        .until(ExpectedConditions.elementToBeClickable(what))
        .click();
  }

  void click(WebElement element) {
    new WebDriverWait(browser, patience)
        .until(ExpectedConditions.elementToBeClickable(element))
        .click();
  }

  void awaitText(By what, String text) {
    new WebDriverWait(browser, patience)
        .until(ExpectedConditions.textToBePresentInElementLocated(what, text));
  }

  void screenshot(String name) {
    try {
      Path folder = Path.of(System.getProperty("it.console.screenshots"));
      Files.createDirectories(folder);
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(folder.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** axe-core on the page as it is: no serious or critical violation. */
  @SuppressWarnings("unchecked")
  void assertAccessible(String page) {
    try {
      String axe = Files.readString(Path.of(System.getProperty("it.console.axe")));
      JavascriptExecutor js = (JavascriptExecutor) browser;
      js.executeScript(axe);
      Object result =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + " axe.run(document, {resultTypes: ['violations']})"
                      + ".then(r => done(r.violations.filter(v => v.impact === 'serious'"
                      + " || v.impact === 'critical').map(v => v.id + ': ' + v.help + ' ('"
                      + " + v.nodes.length + ')')))"
                      + ".catch(e => done(['axe failed: ' + e]));");
      assertThat((List<String>) result).as("serious accessibility violations on " + page).isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
