package org.linoconductor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client for the application under test, as a user or anonymously. */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Spring Security's CSRF token in a form of the conductor's pages. */
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  /** Headers sent with every request: who calls (Authorization or Cookie), from where (X-Forwarded-For). */
  private final Map<String, String> headers;

  private Http(int port, Map<String, String> headers) {
    this.port = port;
    this.headers = Map.copyOf(headers);
  }

  public static Http anonymous(int port) {
    return new Http(port, Map.of());
  }

  public static Http as(int port, String user, String password) {
    return anonymous(port).with("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Signs in at /signin as a browser does and calls with that session's cookie (see {@link #csrfToken}). */
  public static Http signedIn(int port, String user, String password) {
    return anonymous(port).signIn(user, password);
  }

  /** The sign-in form posted with the token of a fresh session; the answer is not followed. */
  public static HttpResponse<String> signInForm(int port, String user, String password) {
    return anonymous(port).signInForm(user, password);
  }

  /**
   * The same caller as seen coming from that address through a reverse proxy (X-Forwarded-For), where
   * the application trusts the proxy's header ({@code server.forward-headers-strategy=native}).
   */
  public Http from(String address) {
    return with("X-Forwarded-For", address);
  }

  /** {@link #signInForm(int, String, String)} from this caller's address. */
  public HttpResponse<String> signInForm(String user, String password) {
    HttpResponse<String> form = get("/signin");
    return with("Cookie", sessionCookie(form)).postForm("/signin",
        "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken(form)));
  }

  /** {@link #signedIn(int, String, String)} from this caller's address. */
  public Http signIn(String user, String password) {
    HttpResponse<String> response = signInForm(user, password);
    if (response.statusCode() != 303) {
      throw new IllegalStateException("sign-in as " + user + " failed: " + response.statusCode());
    }
    return with("Cookie", sessionCookie(response));
  }

  /** The CSRF token of a page's forms, for posting as that page does. */
  public static String csrfToken(HttpResponse<String> page) {
    Matcher csrf = CSRF_FIELD.matcher(page.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token in the page: " + page.body());
    }
    return csrf.group(1);
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** This caller with one more header on every request. */
  public Http with(String header, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(header, value);
    return new Http(port, more);
  }

  /**
   * Signs in to one of Camunda's web applications as the browser does: the CSRF cookie from a
   * first page, then the login form with that token. Returns the login's response.
   */
  public static HttpResponse<String> webLogin(int port, String app, String user, String password) {
    return anonymous(port).webLogin("default", app, user, password);
  }

  /** {@link #webLogin(int, String, String, String)} on the engine of that name, from this caller's address. */
  public HttpResponse<String> webLogin(String engine, String app, String user, String password) {
    HttpResponse<String> page = get("/camunda/app/" + app + "/" + engine + "/");
    List<String> cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
        .map(c -> c.substring("XSRF-TOKEN=".length())).orElseThrow(() -> new IllegalStateException(
            "no XSRF-TOKEN cookie from /camunda/app/" + app + "/: " + page.headers()));
    return with("Cookie", String.join("; ", cookies)).with("X-XSRF-TOKEN", token)
        .postForm("/camunda/api/admin/auth/user/" + engine + "/login/" + app,
            "username=" + encode(user) + "&password=" + encode(password));
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.body(), e);
    }
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
        .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no session cookie: " + response.headers()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public HttpResponse<String> putJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON merge patch (RFC 7396). */
  public HttpResponse<String> patchJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "application/json");
    headers.forEach(builder::setHeader); // a header of the caller's (e.g. Accept) replaces the default
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
