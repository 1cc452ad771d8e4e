package io.multibot.management.platform;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The console's files at the server's root: what is served, with which headers, and what is not.
 */
@MicroShedTest
class ConsoleIT {

  private static String site() {
    return Api.root().substring(0, Api.root().length() - "/api/v1".length());
  }

  private static Answer get(String path) {
    return HttpJson.send(HttpRequest.newBuilder(URI.create(site() + path)).GET());
  }

  @Test
  void servesTheConsoleAtTheRootWithAStrictPolicy() {
    Answer page = get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text()).contains("<div id=\"app\"></div>").doesNotContain("<script>");
    String policy = page.header("Content-Security-Policy");
    assertThat(policy)
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(get("/index.html").text()).isEqualTo(page.text());
  }

  @Test
  void servesTheBuiltAssetsAsImmutableWithTheirTypes() {
    String page = get("/").text();
    Matcher script = Pattern.compile("src=\"/(assets/[^\"]+\\.js)\"").matcher(page);
    assertThat(script.find()).as(page).isTrue();

    Answer asset = get("/" + script.group(1));

    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.header("Content-Type")).startsWith("text/javascript");
    assertThat(asset.header("Cache-Control")).contains("immutable");
    assertThat(asset.text()).contains("/api/v1");
    assertThat(get("/favicon.svg").header("Content-Type")).startsWith("image/svg+xml");
  }

  @Test
  void anythingElseIsTheProblem404AndNothingOutsideTheConsoleLeaks() {
    assertProblem(get("/assets/missing.js"), 404, "not-found");
    assertProblem(get("/assets/..%2fWEB-INF%2fbeans.xml"), 404, "not-found");
    assertProblem(get("/assets/.hidden"), 404, "not-found");
    assertProblem(get("/WEB-INF/beans.xml"), 404, "not-found");
    assertProblem(get("/io/multibot/console/index.html"), 404, "not-found");
    assertProblem(get("/fleet"), 404, "not-found");
  }
}
