package io.multibot.common.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON-B configuration. Unknown fields in a request body are refused instead of ignored,
 * so a client cannot set a field it is not meant to (mass assignment) nor mistype one unnoticed.
 * Null members are left out of responses.
 */
@Provider
public class StrictJsonbProvider implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = create();

  /** The shared configuration, also for code that reads JSON outside JAX-RS. */
  public static Jsonb create() {
    return JsonbBuilder.create(
        new JsonbConfig()
            .withNullValues(false)
            .setProperty("jsonb.fail-on-unknown-properties", true));
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
