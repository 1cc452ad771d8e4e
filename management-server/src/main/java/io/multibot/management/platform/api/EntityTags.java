package io.multibot.management.platform.api;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;

/**
 * Optimistic locking over HTTP: a resource's ETag is its row version in quotes; an update may send
 * it back in {@code If-Match}, and a stale one is refused with 412 instead of overwriting.
 */
public final class EntityTags {

  private EntityTags() {}

  /** The ETag of a resource at this row version. */
  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version an {@code If-Match} header names; empty when the header is absent or {@code *}. */
  public static OptionalLong expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      try {
        return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
      } catch (NumberFormatException e) {
        // an ETag we never issued: it cannot match
      }
    }
    throw new ApiException(
        ProblemType.PRECONDITION_FAILED,
        "If-Match does not name a current version of this resource.");
  }

  /** Refuses the update when the client's version is not the stored one. */
  public static void check(OptionalLong expected, long actual) {
    if (expected.isPresent() && expected.getAsLong() != actual) {
      throw new ApiException(
          ProblemType.PRECONDITION_FAILED,
          "The resource changed since you read it (your version "
              + expected.getAsLong()
              + ", current "
              + actual
              + "). Read it again and retry.");
    }
  }

  /** 200 with the representation and its ETag. */
  public static Response ok(Versioned<?> resource) {
    return Response.ok(resource.value()).tag(of(resource.version())).build();
  }

  /** 201 with the new resource's location, representation and ETag. */
  public static Response created(String location, Versioned<?> resource) {
    return Response.status(Response.Status.CREATED)
        .header(HttpHeaders.LOCATION, location)
        .tag(of(resource.version()))
        .entity(resource.value())
        .build();
  }
}
