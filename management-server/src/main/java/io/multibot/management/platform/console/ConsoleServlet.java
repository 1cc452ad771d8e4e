package io.multibot.management.platform.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the operations console (the {@code console} module's build, packaged under {@value #ROOT}
 * in a jar on the application's class path) at {@code /}; the API stays under {@code /api/v1}.
 *
 * <p>Only the files the build makes are served: {@code index.html}, {@code favicon.svg} and the
 * content-hashed files under {@code /assets/} (cached for a year, since their names change with
 * their content; {@code index.html} is revalidated on every load). Every other path is the
 * application's 404 problem. The console routes in the URL's fragment, so no other server path
 * exists for it.
 *
 * <p>Every answer carries a strict Content-Security-Policy: scripts, styles and connections from
 * this origin only, no inline script, no framing. {@code ConsoleIT} checks the headers; the browser
 * test would fail if the console needed anything the policy forbids.
 */
@WebServlet(
    name = "console",
    urlPatterns = {"", "/index.html", "/favicon.svg", "/assets/*"})
public class ConsoleServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Where the console's files are on the class path. */
  static final String ROOT = "io/multibot/console/";

  /** The policy: nothing from elsewhere, nothing inline, no framing, no plugins. */
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  /** A built asset's name: one path segment, no dot first (so neither "." nor ".."). */
  private static final Pattern ASSET = Pattern.compile("assets/[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "css", "text/css;charset=UTF-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "woff2", "font/woff2",
          "json", "application/json");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, true);
  }

  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    serve(request, response, false);
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, boolean body)
      throws IOException {
    String file = file(request);
    URL found =
        file == null ? null : ConsoleServlet.class.getClassLoader().getResource(ROOT + file);
    if (found == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(type(file));
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader(
        "Cache-Control",
        file.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    try (InputStream in = found.openStream()) {
      byte[] bytes = in.readAllBytes();
      response.setContentLength(bytes.length);
      if (body) {
        try (OutputStream out = response.getOutputStream()) {
          out.write(bytes);
        }
      }
    }
  }

  /** The requested file relative to the console's root, or null if the console has no such file. */
  static String file(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String file = path.startsWith("/") ? path.substring(1) : path;
    if (file.isEmpty()) {
      return "index.html";
    }
    boolean known =
        "index.html".equals(file) || "favicon.svg".equals(file) || ASSET.matcher(file).matches();
    return known ? file : null;
  }

  private static String type(String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
