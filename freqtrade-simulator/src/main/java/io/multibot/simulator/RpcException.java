package io.multibot.simulator;

/**
 * freqtrade's {@code RPCException}: the bot understood the request and refuses it. The API answers
 * 502 with {@code {"error": "Error querying /api/v1/<route>: <message>"}}.
 */
final class RpcException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RpcException(String message) {
    super(message, null, false, false);
  }
}
