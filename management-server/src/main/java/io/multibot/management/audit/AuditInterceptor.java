package io.multibot.management.audit;

import io.multibot.common.problem.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an {@link Audited} resource method in a transaction and writes its audit entry in that same
 * transaction: the change and its entry commit together or not at all. When the method fails, the
 * change is rolled back and the refusal is audited on its own. If an entry cannot be written, the
 * request fails.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {

  private static final Logger LOG = Logger.getLogger(AuditInterceptor.class.getName());

  private final AuditLog log;
  private final AuditContext context;
  private final UserTransaction transaction;

  @Inject
  public AuditInterceptor(AuditLog log, AuditContext context, UserTransaction transaction) {
    this.log = log;
    this.context = context;
    this.transaction = transaction;
  }

  /** Every failure of the method must be audited, whatever its type: hence the broad catch. */
  @AroundInvoke
  @SuppressWarnings("checkstyle:IllegalCatch")
  public Object audit(InvocationContext invocation) throws Exception {
    AuditRecord record =
        context.start(action(invocation.getMethod()), AuditSummary.of(body(invocation)));
    context.markAudited();
    transaction.begin();
    try {
      Object result = invocation.proceed();
      finish(completed(record, response(result)));
      return result;
    } catch (AuditUnavailableException e) {
      throw e;
    } catch (Exception e) {
      // A refusal the service chose to commit (e.g. revoking a replayed refresh token) keeps its
      // changes; anything that marked the transaction for rollback is undone and audited alone.
      if (transaction.getStatus() == Status.STATUS_ACTIVE) {
        finish(record.withOutcome(status(e)));
      } else {
        rollback();
        log.appendAlone(record.withOutcome(status(e)));
      }
      throw e;
    }
  }

  private void finish(AuditRecord record) throws SystemException {
    try {
      log.append(record);
      transaction.commit();
    } catch (RuntimeException
        | RollbackException
        | HeuristicMixedException
        | HeuristicRollbackException e) {
      rollback();
      LOG.log(Level.SEVERE, "Could not write the audit entry; the change was rolled back", e);
      throw new AuditUnavailableException();
    }
  }

  /**
   * The response, also of an asynchronous method whose answer is ready; one that is still pending
   * (such as a command the client waits for) was accepted: 202.
   */
  private static Response response(Object result) {
    if (result instanceof CompletionStage<?> stage) {
      CompletableFuture<?> future = stage.toCompletableFuture();
      return future.isDone() && !future.isCompletedExceptionally()
          ? response(future.join())
          : Response.accepted().build();
    }
    return result instanceof Response r ? r : null;
  }

  private static AuditRecord completed(AuditRecord record, Response response) {
    AuditRecord done = record.withOutcome(response == null ? 200 : response.getStatus());
    URI location = response == null ? null : response.getLocation();
    return location == null ? done : done.withTarget(location.getRawPath());
  }

  private void rollback() throws SystemException {
    if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
      transaction.rollback();
    }
  }

  private static String action(Method method) {
    Audited audited = method.getAnnotation(Audited.class);
    if (audited == null || audited.value().isEmpty()) {
      return method
              .getDeclaringClass()
              .getSimpleName()
              .replace("Resource", "")
              .toLowerCase(java.util.Locale.ROOT)
          + "."
          + method.getName();
    }
    return audited.value();
  }

  /** The request body: the parameter marked {@link Audited.Body}, if the method has one. */
  private static Object body(InvocationContext invocation) {
    Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Audited.Body) {
          return invocation.getParameters()[i];
        }
      }
    }
    return null;
  }

  private static int status(Exception e) {
    if (e instanceof ApiException api) {
      return api.type().status();
    }
    if (e instanceof WebApplicationException web) {
      return web.getResponse().getStatus();
    }
    return 500;
  }
}
