package io.multibot.management.platform.api;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Links the API hands out ({@code Location}). They are never built from the request's {@code Host}
 * header, which any client can set ({@code Host: evil.example} would come back as a link to
 * follow): by default they are path-absolute references ({@code /api/v1/bots/...}, RFC 9110 allows
 * relative {@code Location}), or absolute under {@code API_PUBLIC_BASE_URL} ({@code
 * api.public-base-url}, e.g. {@code https://multibot.example.com}) when an operator sets it.
 */
public final class Links {

  private Links() {}

  /** The API's path followed by these segments (each one percent-encoded as a segment). */
  public static String location(UriInfo uri, String... segments) {
    UriBuilder path = UriBuilder.fromPath(uri.getBaseUri().getRawPath());
    for (String segment : segments) {
      path.segment(segment);
    }
    String relative = path.build().toString();
    String base =
        ConfigProvider.getConfig()
            .getOptionalValue("api.public-base-url", String.class)
            .map(url -> url.replaceAll("/+$", ""))
            .orElse("");
    return base + relative;
  }
}
