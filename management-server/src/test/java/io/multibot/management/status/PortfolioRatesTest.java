package io.multibot.management.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PortfolioRatesTest {

  @Test
  void readsCurrencyRatePairs() {
    assertThat(PortfolioService.parseRates(" USDT=1, BTC = 65000.5 ,"))
        .containsEntry("USDT", new BigDecimal("1"))
        .containsEntry("BTC", new BigDecimal("65000.5"))
        .hasSize(2);
    assertThat(PortfolioService.parseRates("")).isEmpty();
  }

  @Test
  void refusesWhatIsNotARate() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PortfolioService.parseRates("USDT"))
        .withMessageContaining("'USDT' is not CUR=rate");
    assertThatIllegalArgumentException().isThrownBy(() -> PortfolioService.parseRates("BTC=lots"));
  }
}
