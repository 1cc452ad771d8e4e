package io.multibot.management.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class AuditInterceptorTest {

  /** A resource method as the interceptor sees it. */
  @Audited("thing.create")
  public Response create(@Audited.Body Map<String, String> body) {
    return null;
  }

  /** Records what the interceptor did with the transaction. */
  static final class RecordingTransaction implements UserTransaction {
    final List<String> calls = new ArrayList<>();
    private int status = Status.STATUS_NO_TRANSACTION;

    @Override
    public void begin() {
      calls.add("begin");
      status = Status.STATUS_ACTIVE;
    }

    @Override
    public void commit() {
      calls.add("commit");
      status = Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void rollback() {
      calls.add("rollback");
      status = Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setTransactionTimeout(int seconds) {}
  }

  /** Keeps entries in memory; can be told to fail like a full disk. */
  static final class MemoryAuditLog extends AuditLog {
    final List<String> written = new ArrayList<>();
    private boolean broken;

    void breakDown() {
      broken = true;
    }

    @Override
    public void append(AuditRecord record) {
      if (broken) {
        throw new IllegalStateException("disk full");
      }
      written.add("same-tx " + record.action() + " " + record.outcome() + " " + record.target());
    }

    @Override
    public void appendAlone(AuditRecord record) {
      written.add("alone " + record.action() + " " + record.outcome() + " " + record.summary());
    }
  }

  static final class FixedContext extends AuditContext {
    @Override
    AuditRecord start(String action, String summary) {
      return new AuditRecord(
          Instant.EPOCH, "alice", "admin", "127.0.0.1", action, "/api/v1/things", 0, summary);
    }

    @Override
    void markAudited() {}
  }

  private final RecordingTransaction transaction = new RecordingTransaction();
  private final MemoryAuditLog log = new MemoryAuditLog();
  private final AuditInterceptor interceptor =
      new AuditInterceptor(log, new FixedContext(), transaction);

  private InvocationContext invocation(Callable<Object> body) throws NoSuchMethodException {
    Method method = getClass().getMethod("create", Map.class);
    Object[] parameters = {Map.of("name", "x", "password", "hunter2")};
    return new InvocationContext() {
      @Override
      public Object getTarget() {
        return AuditInterceptorTest.this;
      }

      @Override
      public Object getTimer() {
        return null;
      }

      @Override
      public Method getMethod() {
        return method;
      }

      @Override
      public Constructor<?> getConstructor() {
        return null;
      }

      @Override
      public Object[] getParameters() {
        return parameters;
      }

      @Override
      public void setParameters(Object[] params) {}

      @Override
      public Map<String, Object> getContextData() {
        return Map.of();
      }

      @Override
      public Object proceed() throws Exception {
        return body.call();
      }
    };
  }

  @Test
  void writesTheEntryInTheChangesTransaction() throws Exception {
    Response created = Response.status(201).header("Location", "http://h/api/v1/things/7").build();

    interceptor.audit(invocation(() -> created));

    assertThat(transaction.calls).containsExactly("begin", "commit");
    assertThat(log.written).containsExactly("same-tx thing.create 201 /api/v1/things/7");
  }

  @Test
  void failsTheRequestAndUndoesTheChangeWhenTheEntryCannotBeWritten() {
    log.breakDown();

    assertThatThrownBy(() -> interceptor.audit(invocation(() -> Response.ok().build())))
        .isInstanceOf(AuditUnavailableException.class);
    assertThat(transaction.calls).containsExactly("begin", "rollback");
  }

  @Test
  void auditsARolledBackRefusalOnItsOwnWithRedactedSummary() {
    ApiException refused = new ApiException(ProblemType.VALIDATION_FAILED, "bad");

    assertThatThrownBy(
            () ->
                interceptor.audit(
                    invocation(
                        () -> {
                          transaction.setRollbackOnly();
                          throw refused;
                        })))
        .isSameAs(refused);
    assertThat(transaction.calls).containsExactly("begin", "rollback");
    assertThat(log.written)
        .singleElement()
        .asString()
        .startsWith("alone thing.create 422")
        .contains("\"password\":\"***\"")
        .doesNotContain("hunter2");
  }

  @Test
  void commitsARefusalTheServiceChoseToKeep() {
    ApiException refused = new ApiException(ProblemType.UNAUTHORIZED, "replayed token");

    assertThatThrownBy(
            () ->
                interceptor.audit(
                    invocation(
                        () -> {
                          throw refused;
                        })))
        .isSameAs(refused);
    assertThat(transaction.calls).containsExactly("begin", "commit");
    assertThat(log.written).containsExactly("same-tx thing.create 401 /api/v1/things");
  }
}
