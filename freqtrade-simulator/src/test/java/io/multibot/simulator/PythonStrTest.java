package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PythonStrTest {

  private static String str(String json) {
    return SimulatedBot.pythonStr(
        Json.createReader(new StringReader("[" + json + "]")).readArray().get(0));
  }

  @Test
  void writesConfigValuesAsPythonsStrDoes() {
    assertThat(str("10")).isEqualTo("10");
    assertThat(str("10.5")).isEqualTo("10.5");
    assertThat(str("100.0")).as("a float stays a float").isEqualTo("100.0");
    assertThat(str("\"unlimited\"")).isEqualTo("unlimited");
  }
}
