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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client for the application under test, as a user or anonymously. */
public final class Http {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final int port;
  /** The header that says who calls (Authorization or Cookie), or null when anonymous. */
  private final String credentialHeader;
  private final String credentials;

  private Http(int port, String credentialHeader, String credentials) {
    this.port = port;
    this.credentialHeader = credentialHeader;
    this.credentials = credentials;
  }

  public static Http anonymous(int port) {
    return new Http(port, null, null);
  }

  public static Http as(int port, String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(port, "Authorization", "Basic " + token);
  }

  /** Signs in at /signin as a browser does and calls with that session's cookie. */
  public static Http signedIn(int port, String user, String password) {
    HttpResponse<String> response = signInForm(port, user, password);
    if (response.statusCode() != 303) {
      throw new IllegalStateException("sign-in as " + user + " failed: " + response.statusCode());
    }
    return new Http(port, "Cookie", sessionCookie(response));
  }

  /** The sign-in form posted with the token of a fresh session; the answer is not followed. */
  public static HttpResponse<String> signInForm(int port, String user, String password) {
    HttpResponse<String> form = anonymous(port).get("/signin");
    Matcher csrf = CSRF_FIELD.matcher(form.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no csrf field in the sign-in form: " + form.body());
    }
    return new Http(port, "Cookie", sessionCookie(form)).postForm("/signin",
        "username=" + encode(user) + "&password=" + encode(password) + "&csrf=" + encode(csrf.group(1)));
  }

  public HttpResponse<String> postForm(String path, String form) {
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
        .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no session cookie: " + response.headers()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
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

  /**
   * Signs in to one of Camunda's web applications as the browser does: the CSRF cookie from a
   * first page, then the login form with that token. Returns the login's response.
   */
  public static HttpResponse<String> webLogin(int port, String app, String user, String password) {
    HttpResponse<String> page = anonymous(port).get("/camunda/app/" + app + "/");
    List<String> cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
        .map(c -> c.substring("XSRF-TOKEN=".length())).orElseThrow(() -> new IllegalStateException(
            "no XSRF-TOKEN cookie from /camunda/app/" + app + "/: " + page.headers()));
    return send(anonymous(port).request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", String.join("; ", cookies))
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "application/json");
    return credentialHeader == null ? builder : builder.header(credentialHeader, credentials);
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
