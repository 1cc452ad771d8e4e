package io.multibot.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

  @Test
  void mapsRuntimeErrorsToProblemsWithoutTheirMessages() {
    Response response =
        new WebApplicationExceptionMapper()
            .toResponse(new NotFoundException("RESTEASY003210: internal detail"));

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    Problem problem = (Problem) response.getEntity();
    assertThat(problem.type()).isEqualTo("urn:multibot:problem:not-found");
    assertThat(problem.title()).isEqualTo("Not found");
    assertThat(problem.detail()).isEqualTo("There is no resource at this path.");
  }

  @Test
  void keepsTheAllowHeaderOfAMethodNotAllowed() {
    Response response =
        new WebApplicationExceptionMapper()
            .toResponse(new NotAllowedException("use GET", "GET", new String[] {"HEAD"}));

    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getHeaderString("Allow")).contains("GET");
  }

  @Test
  void leavesRedirectsAlone() {
    Response response =
        new WebApplicationExceptionMapper()
            .toResponse(new RedirectionException(Response.Status.SEE_OTHER, URI.create("/x")));

    assertThat(response.getStatus()).isEqualTo(303);
    assertThat(response.getEntity()).isNull();
  }

  @Test
  void hidesUnexpectedErrorsBehindAnIncidentId() {
    Response response =
        new UnexpectedExceptionMapper()
            .toResponse(new IllegalStateException("password=hunter2 leaked in a message"));

    assertThat(response.getStatus()).isEqualTo(500);
    Problem problem = (Problem) response.getEntity();
    assertThat(problem.title()).isEqualTo("Internal server error");
    assertThat(problem.type()).isEqualTo(ProblemType.INTERNAL_ERROR.uri());
    assertThat(problem.detail())
        .matches(
            "An unexpected error occurred\\. Quote incident [0-9a-f-]{36} when reporting it\\.")
        .doesNotContain("hunter2");
  }

  @Test
  void answersALostRaceWithAConflictToRetryNotAnInternalError() {
    var commit =
        new jakarta.transaction.TransactionalException(
            "commit failed",
            new jakarta.transaction.RollbackException("rolled back")
                .initCause(new jakarta.persistence.OptimisticLockException("row changed")));
    var deadlock =
        new jakarta.persistence.PersistenceException(
            new java.sql.SQLException("deadlock", "40001"));

    for (RuntimeException lost : List.of(commit, deadlock)) {
      Response response = new UnexpectedExceptionMapper().toResponse(lost);
      assertThat(response.getStatus()).isEqualTo(409);
      assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
      assertThat(((Problem) response.getEntity()).type())
          .isEqualTo("urn:multibot:problem:conflict");
    }
    assertThat(
            new UnexpectedExceptionMapper()
                .toResponse(
                    new jakarta.persistence.PersistenceException(
                        new java.sql.SQLException("disk full", "XSDG1")))
                .getStatus())
        .isEqualTo(500);
  }

  @Test
  void fallsBackByStatusClassForStatusesWithoutAType() {
    assertThat(ProblemType.forStatus(499)).isEqualTo(ProblemType.MALFORMED_REQUEST);
    assertThat(ProblemType.forStatus(504)).isEqualTo(ProblemType.INTERNAL_ERROR);
    assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.BAD_GATEWAY);
    assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
  }

  @Test
  void addsTheHeadersAnApiExceptionCarries() {
    ApiException throttled =
        new ApiException(ProblemType.TOO_MANY_REQUESTS, "slow down") {
          private static final long serialVersionUID = 1L;

          @Override
          public java.util.Map<String, String> headers() {
            return java.util.Map.of("Retry-After", "42");
          }
        };

    Response response = new ApiExceptionMapper().toResponse(throttled);

    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("42");
  }

  @Test
  void answersApiExceptionsWithTheirFieldErrors() {
    Response response =
        new ApiExceptionMapper()
            .toResponse(
                new ApiException(
                    ProblemType.VALIDATION_FAILED,
                    "The bot is invalid.",
                    List.of(new FieldError("name", "must be a slug"))));

    assertThat(response.getStatus()).isEqualTo(422);
    Problem problem = (Problem) response.getEntity();
    assertThat(problem.errors()).containsExactly(new FieldError("name", "must be a slug"));
  }
}
