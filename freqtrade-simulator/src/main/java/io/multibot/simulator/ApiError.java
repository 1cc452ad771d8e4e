package io.multibot.simulator;

import jakarta.json.JsonValue;

/** An answer other than 200 with freqtrade's body for it, such as 404 or FastAPI's 422. */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonValue body;

  ApiError(int status, JsonValue body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.body = body;
  }

  int status() {
    return status;
  }

  JsonValue body() {
    return body;
  }
}
