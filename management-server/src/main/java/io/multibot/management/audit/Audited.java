package io.multibot.management.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose every call is audited, in one transaction with the change it makes:
 * {@link AuditInterceptor} begins that transaction around the method (the services' own
 * {@code @Transactional} joins it), writes the entry in it and commits, or rolls the change back
 * and audits the refusal alone. {@link #value()} names the action, such as {@code bot.create}; the
 * parameter marked {@link Body} is the request body summarised in the entry.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

  @Nonbinding
  String value() default "";

  /**
   * Marks the parameter of an audited method that carries the request body: its JSON, secrets
   * redacted, becomes the entry's summary. At most one per method; {@code AuditedMethodsTest}
   * checks every audited method.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  @interface Body {}
}
