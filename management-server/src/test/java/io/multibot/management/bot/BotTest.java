package io.multibot.management.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BotTest {

  /**
   * JPA loads a bot without secrets with a null embeddable. Reading must leave it null: replacing
   * it made every read a write of the bot row, and concurrent commands to one bot collided (500s).
   */
  @Test
  void readingTheSecretsOfABotWithoutAnyDoesNotChangeIt() throws Exception {
    Bot bot = new Bot("b-1", Instant.EPOCH);
    Field secrets = Bot.class.getDeclaredField("secrets");
    secrets.setAccessible(true);
    secrets.set(bot, null);

    assertThat(bot.getSecrets().encrypted(SecretName.API_PASSWORD)).isNull();
    assertThat(bot.getSecrets().presence()).doesNotContainValue(true);

    assertThat(secrets.get(bot)).as("the entity's embeddable after reading").isNull();
    bot.secretsToWrite().put(SecretName.API_PASSWORD, "sealed");
    assertThat(bot.getSecrets().encrypted(SecretName.API_PASSWORD)).isEqualTo("sealed");
  }
}
