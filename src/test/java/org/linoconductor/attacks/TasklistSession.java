package org.linoconductor.attacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser's session in Camunda Tasklist, over its own REST API ({@code /camunda/api/engine/...}):
 * signed in through Tasklist's login with the XSRF cookie, then every change sent with the session's
 * cookies and its {@code X-XSRF-TOKEN}, as Tasklist's pages send them.
 */
final class TasklistSession {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final int port;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private TasklistSession(int port) {
    this.port = port;
  }

  static TasklistSession signIn(int port, String user, String password) {
    TasklistSession session = new TasklistSession(port);
    session.send(session.request("/camunda/app/tasklist/").GET());
    HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    if (login.statusCode() != 200) {
      throw new IllegalStateException("Tasklist login as " + user + ": " + login.statusCode() + " " + login.body());
    }
    session.send(session.request("/camunda/api/admin/auth/user/default").GET()); // the new session's token
    return session;
  }

  /** A POST to Tasklist's engine API, e.g. {@code task/<id>/submit-form}. */
  HttpResponse<String> post(String enginePath, String json) {
    return send(request("/camunda/api/engine/engine/default/" + enginePath)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> get(String enginePath) {
    return send(request("/camunda/api/engine/engine/default/" + enginePath).GET());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "application/json");
    if (!cookies.isEmpty()) {
      builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
          .toList()));
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      builder.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      List<String> set = response.headers().allValues("Set-Cookie");
      for (String cookie : set) {
        String[] pair = cookie.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
