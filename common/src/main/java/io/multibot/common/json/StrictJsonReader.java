package io.multibot.common.json;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Set;

/**
 * Every JSON request body mapped onto a Java type goes through {@link StrictJson} first: one
 * object, unique keys, bounded depth, exact types and numbers. Bodies a resource reads as text or
 * bytes are left to it (it reads them with {@link StrictJson} itself). The body is read through
 * {@link RequestSizeLimitFilter}'s bounded stream, so an oversized body is a 413 here, not a parse
 * error.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {

  private static final Set<Class<?>> RAW =
      Set.of(String.class, byte[].class, InputStream.class, Reader.class);

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (RAW.contains(context.getType()) || !isJson(context.getMediaType())) {
      return context.proceed();
    }
    JsonObject body = StrictJson.parse(context.getInputStream().readAllBytes());
    StrictJson.check(body, context.getGenericType());
    context.setInputStream(StrictJson.stream(body));
    return context.proceed();
  }

  static boolean isJson(MediaType type) {
    return type != null
        && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }
}
