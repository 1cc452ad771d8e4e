package io.multibot.common.json;

import io.multibot.common.problem.Problem;
import io.multibot.common.problem.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses request bodies over {@code api.max-body-bytes} (default 1 MiB) with 413, whether the size
 * is declared up front or only becomes clear while reading a chunked body.
 */
@Provider
public class RequestSizeLimitFilter implements ContainerRequestFilter {

  static final long DEFAULT_LIMIT = 1024 * 1024;

  private final long limit;

  public RequestSizeLimitFilter() {
    this(
        ConfigProvider.getConfig()
            .getOptionalValue("api.max-body-bytes", Long.class)
            .orElse(DEFAULT_LIMIT));
  }

  RequestSizeLimitFilter(long limit) {
    this.limit = limit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > limit) {
      request.abortWith(tooLarge());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new BoundedInputStream(request.getEntityStream(), limit));
    }
  }

  private jakarta.ws.rs.core.Response tooLarge() {
    String detail = "The request body is larger than " + limit + " bytes.";
    return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail, null).toResponse();
  }

  /** Counts what is read and fails the request once the limit is passed. */
  private final class BoundedInputStream extends FilterInputStream {
    private long remaining;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      int value = super.read();
      count(value < 0 ? 0 : 1);
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      count(Math.max(read, 0));
      return read;
    }

    private void count(int read) {
      remaining -= read;
      if (remaining < 0) {
        throw new WebApplicationException(tooLarge());
      }
    }
  }
}
