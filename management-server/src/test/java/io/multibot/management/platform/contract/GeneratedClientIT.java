package io.multibot.management.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.client.ApiClient;
import io.multibot.client.ApiException;
import io.multibot.client.api.AuthenticationApi;
import io.multibot.client.api.BotsApi;
import io.multibot.client.api.CommandsApi;
import io.multibot.client.api.StatusApi;
import io.multibot.client.api.StrategiesApi;
import io.multibot.client.model.BotRequest;
import io.multibot.client.model.BotRequestStakeAmount;
import io.multibot.client.model.BotView;
import io.multibot.client.model.CommandView;
import io.multibot.client.model.CreateStrategyRequest;
import io.multibot.client.model.LoginRequest;
import io.multibot.client.model.StrategyRef;
import io.multibot.client.model.TokenResponse;
import io.multibot.management.testing.Api;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The Java client that openapi-generator makes from the committed API document, used as a REST
 * client would: sign in, store a strategy, register a bot, start it, read it back, and get a
 * documented error. If the document stops describing the server, this fails to compile or to run.
 */
@MicroShedTest
class GeneratedClientIT {

  @Test
  void aGeneratedClientSignsInRegistersAndStartsABot() throws ApiException {
    ApiClient client = client();
    TokenResponse tokens =
        new AuthenticationApi(client)
            .login(
                new LoginRequest()
                    .username("admin")
                    .password(System.getProperty("it.admin.password")),
                null);
    client.setRequestInterceptor(
        request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));
    String strategy = "Generated" + UUID.randomUUID().toString().replace("-", "");
    new StrategiesApi(client)
        .createStrategy(
            new CreateStrategyRequest()
                .name(strategy)
                .source("class " + strategy + "(IStrategy):\n    timeframe = '5m'\n"));

    BotView created = new BotsApi(client).createBot(bot(strategy));
    CommandView start = new CommandsApi(client).startBot(created.getId(), null, null, null);
    BotView read = new BotsApi(client).getBot(created.getId());

    assertThat(tokens.getTokenType()).isEqualTo("Bearer");
    assertThat(start.getType()).isEqualTo("start");
    assertThat(start.getStatus()).isIn("ACCEPTED", "DISPATCHED");
    assertThat(read.getName()).isEqualTo(created.getName());
    assertThat((BigDecimal) read.getStakeAmount().getActualInstance()).isEqualByComparingTo("25");
    assertThat(new StatusApi(client).getBotStatus(created.getId()).getBotId())
        .isEqualTo(created.getId());
    assertThatThrownBy(() -> new BotsApi(client).getBot("no-such-bot-" + UUID.randomUUID()))
        .isInstanceOf(ApiException.class)
        .satisfies(
            e -> {
              assertThat(((ApiException) e).getCode()).isEqualTo(404);
              assertThat(((ApiException) e).getResponseBody())
                  .contains("urn:multibot:problem:not-found");
            });
  }

  private static BotRequest bot(String strategy) {
    return new BotRequest()
        .name("generated-" + UUID.randomUUID().toString().substring(0, 8))
        .strategy(new StrategyRef().name(strategy))
        .exchange("kraken")
        .stakeCurrency("EUR")
        .stakeAmount(new BotRequestStakeAmount(new BigDecimal("25")))
        .maxOpenTrades(1)
        .timeframe("5m")
        .pairWhitelist(List.of("BTC/EUR"));
  }

  private static ApiClient client() {
    URI root = URI.create(Api.root());
    ApiClient client = new ApiClient();
    client.updateBaseUri(root.getScheme() + "://" + root.getHost() + ":" + root.getPort());
    return client;
  }
}
