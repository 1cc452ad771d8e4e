package io.multibot.management.notify;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;

/** The ways a notification request is refused, each with the message a client sees. */
final class NotificationProblems {

  private NotificationProblems() {}

  static ApiException noChannel(String name) {
    return new ApiException(
        ProblemType.NOT_FOUND, "There is no notification channel '" + name + "'.");
  }

  static ApiException noRule(String name) {
    return new ApiException(ProblemType.NOT_FOUND, "There is no notification rule '" + name + "'.");
  }

  static ApiException noDelivery(String id) {
    return new ApiException(ProblemType.NOT_FOUND, "There is no delivery '" + id + "'.");
  }

  static ApiException exists(String what, String name) {
    return new ApiException(
        ProblemType.CONFLICT, "A " + what + " named '" + name + "' exists already.");
  }

  static ApiException channelInUse(String name, List<String> rules) {
    return new ApiException(
        ProblemType.CONFLICT,
        "Channel '" + name + "' is used by the rules " + rules + "; change them first.");
  }

  static ApiException testFailed(String channel, String answer) {
    return new ApiException(
        ProblemType.BAD_GATEWAY,
        "The test message to channel '" + channel + "' was not delivered: " + answer);
  }

  static ApiException invalid(String what, String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION_FAILED,
        "The " + what + " is invalid.",
        List.of(new FieldError(field, message)));
  }
}
