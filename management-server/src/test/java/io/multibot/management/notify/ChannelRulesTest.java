package io.multibot.management.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.problem.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {

  private static String refusedField(Runnable check) {
    try {
      check.run();
    } catch (ApiException e) {
      assertThat(e.type().status()).isEqualTo(422);
      return e.errors().get(0).field();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void eachTypeNeedsItsSecrets() {
    assertThat(refusedField(() -> ChannelRules.secrets(ChannelType.SLACK, ChannelSecrets.NONE)))
        .isEqualTo("secrets.url");
    assertThat(
            refusedField(
                () ->
                    ChannelRules.secrets(
                        ChannelType.WEBHOOK,
                        new ChannelSecrets("https://h.example/x", null, null, null))))
        .isEqualTo("secrets.signingSecret");
    assertThat(
            refusedField(
                () ->
                    ChannelRules.secrets(
                        ChannelType.WEBHOOK,
                        new ChannelSecrets("https://h.example/x", "short", null, null))))
        .isEqualTo("secrets.signingSecret");
    assertThat(
            refusedField(
                () ->
                    ChannelRules.secrets(
                        ChannelType.TELEGRAM, new ChannelSecrets(null, null, "not a token", null))))
        .isEqualTo("secrets.botToken");
  }

  @Test
  void urlsMustBeHttpWithAHostAndNoUserPart() {
    for (String bad :
        List.of(
            "ftp://h.example/x", "https:///x", "https://user:pw@h.example/x", "not a url", "")) {
      assertThat(refusedField(() -> ChannelRules.url("secrets.url", bad)))
          .as(bad)
          .isEqualTo("secrets.url");
    }
    assertThat(ChannelRules.url("u", "http://127.0.0.1:8080/hook?token=x"))
        .isEqualTo("http://127.0.0.1:8080/hook?token=x");
  }

  @Test
  void theTargetShownNeverHoldsTheUrlsPathOrQuery() {
    String target =
        ChannelRules.target(
            ChannelType.SLACK,
            new ChannelSettings(null, null, null, null, null, null, null, List.of()),
            new ChannelSecrets(
                "https://hooks.slack.com/services/T0/B0/SECRET?x=TOKEN", null, null, null));

    assertThat(target).isEqualTo("https://hooks.slack.com/…").doesNotContain("SECRET", "TOKEN");
  }

  @Test
  void mergingSecretsKeepsOmittedOnesAndRemovesEmptyOnes() {
    ChannelSecrets stored =
        new ChannelSecrets("https://a.example/1", "0123456789abcdef", null, null);

    ChannelSecrets merged = stored.merge(new ChannelSecrets(null, "", null, "pw"));

    assertThat(merged.url()).isEqualTo("https://a.example/1");
    assertThat(merged.signingSecret()).isNull();
    assertThat(merged.password()).isEqualTo("pw");
    assertThat(merged.toString()).doesNotContain("pw", "a.example");
  }

  private static ChannelRequest mail(Integer port, List<String> to) {
    return new ChannelRequest(
        "m",
        "email",
        null,
        null,
        null,
        null,
        "smtp.example.org",
        port,
        null,
        null,
        "multibot@example.org",
        to,
        null);
  }

  @Test
  void aMailChannelNeedsAServerASenderAndRecipients() {
    ChannelSettings settings =
        ChannelRules.settings(ChannelType.EMAIL, mail(null, List.of("ops@example.org")));
    assertThat(settings.smtpPort()).isEqualTo(587);
    assertThat(settings.smtpSecurity()).isEqualTo("starttls");

    assertThat(
            refusedField(
                () ->
                    ChannelRules.settings(
                        ChannelType.EMAIL, mail(70_000, List.of("ops@example.org")))))
        .isEqualTo("smtpPort");
    assertThat(
            refusedField(
                () ->
                    ChannelRules.settings(
                        ChannelType.EMAIL, mail(null, List.of("ops@example.org\r\nBcc: x@y.z")))))
        .as("a header injection in a recipient")
        .isEqualTo("to");
    assertThat(refusedField(() -> ChannelRules.settings(ChannelType.EMAIL, mail(null, List.of()))))
        .isEqualTo("to");
  }
}
