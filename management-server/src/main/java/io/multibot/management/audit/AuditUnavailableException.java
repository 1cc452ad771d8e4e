package io.multibot.management.audit;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;

/** The audit entry could not be written, so the request did not happen. */
public final class AuditUnavailableException extends ApiException {
  private static final long serialVersionUID = 1L;

  AuditUnavailableException() {
    super(
        ProblemType.SERVICE_UNAVAILABLE,
        "The audit log cannot be written; nothing was changed. Try again later.");
  }
}
