package io.multibot.management.command;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The command list paged by cursor ({@code nextCursor}, {@code ?after=}). */
@MicroShedTest
class CommandPagingIT {

  private final Api admin = Api.asAdmin();
  private final String tag = "p" + UUID.randomUUID().toString().substring(0, 8);
  private String bot;

  @BeforeEach
  void registerAnExternalBot() {
    bot = CommandFixtures.registerExternalBot(admin, tag, "bot-api-password-" + UUID.randomUUID());
  }

  /**
   * The cursor pages through the same list as numbered pages, without a count, and a command
   * created while a client pages neither shifts a page nor repeats (the keyset invariant of {@link
   * CommandCursor}).
   */
  @Test
  void pagesByCursorWithoutGapsOrRepeats() {
    for (int i = 0; i < 7; i++) {
      assertThat(admin.post("/bots/" + bot + "/" + (i % 2 == 0 ? "stop" : "start"), null).status())
          .isEqualTo(202);
    }
    JsonObject all = admin.get("/bots/" + bot + "/commands?size=100").json();
    java.util.List<String> expected = ids(all);
    assertThat(expected).hasSize(7);

    JsonObject first = admin.get("/bots/" + bot + "/commands?size=3").json();
    java.util.List<String> paged = new java.util.ArrayList<>(ids(first));
    assertThat(first.getInt("totalItems")).isEqualTo(7);
    assertThat(admin.post("/bots/" + bot + "/stop", null).status()).isEqualTo(202);
    String cursor = first.getString("nextCursor");
    int pages = 1;
    while (cursor != null) {
      JsonObject page = admin.get("/commands?bot=" + bot + "&size=3&after=" + cursor).json();
      assertThat(page.containsKey("totalItems")).as(page.toString()).isFalse();
      assertThat(page.containsKey("page")).isFalse();
      paged.addAll(ids(page));
      cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
      pages++;
    }

    assertThat(paged).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void refusesACursorItDidNotMakeAndACursorBesideAPageNumber() {
    String wellFormed =
        java.util.Base64.getUrlEncoder()
            .encodeToString(
                "2026-01-01T00:00:00Z|x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(admin.get("/commands?after=" + wellFormed).status()).isEqualTo(200);

    for (String after : new String[] {"not-base64!", "bm8tYmFy", "%C3%A9%C3%A9", "a".repeat(300)}) {
      Answer refused = admin.get("/commands?after=" + after);
      assertProblem(refused, 422, "validation-failed");
      assertThat(refused.text()).contains("\"after\"");
    }
    Answer both = admin.get("/commands?page=1&after=" + wellFormed);
    assertProblem(both, 422, "validation-failed");
    assertThat(both.text()).contains("\"page\"");
  }

  private static java.util.List<String> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("id"))
        .toList();
  }
}
