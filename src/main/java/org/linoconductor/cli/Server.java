package org.linoconductor.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Conductor's REST API as the user of the settings sees it: the app's {@code /api} and Camunda's
 * {@code /engine-rest}, over HTTP Basic, JSON both ways. Every answer that is not a success
 * becomes a {@link ClientFailure} carrying the server's own message ({@code message} from the
 * engine, {@code error} from the app), so that nobody sees a stack trace.
 *
 * <p>{@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: it starts about a
 * second sooner here, and keeps connections alive between the requests of a followed run.
 */
final class Server {

  private static final int CONNECT_TIMEOUT = (int) Duration.ofSeconds(10).toMillis();
  private static final int READ_TIMEOUT = (int) Duration.ofSeconds(60).toMillis();

  private final ClientSettings settings;
  private final String authorization;

  Server(ClientSettings settings) {
    this.settings = settings;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
  }

  String user() {
    return settings.user();
  }

  /** The server's address, without a slash at the end. */
  String url() {
    return settings.url().toString();
  }

  /** GET {@code /api}+path. */
  Object api(String path) {
    return exchange("GET", "/api" + path, null);
  }

  /** GET {@code /engine-rest}+path, on the configured engine. */
  Object engine(String path) {
    return exchange("GET", enginePath(path), null);
  }

  /** POST a JSON body to {@code /engine-rest}+path; null when the engine answers 204. */
  Object engine(String path, Object body) {
    return exchange("POST", enginePath(path), body);
  }

  /** A value as one segment of a path: nothing the user types can reach another resource. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code ?a=1&b=2} of the parameters that have a value, or "" when none has. */
  static String query(Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    parameters.forEach((name, value) -> {
      if (value != null) {
        query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    });
    return query.toString();
  }

  private String enginePath(String path) {
    return "/engine-rest" + (settings.engine() == null ? "" : "/engine/" + segment(settings.engine())) + path;
  }

  private Object exchange(String method, String path, Object body) {
    URI uri = URI.create(settings.url() + path);
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setConnectTimeout(CONNECT_TIMEOUT);
      connection.setReadTimeout(READ_TIMEOUT);
      connection.setInstanceFollowRedirects(false);
      connection.setRequestProperty("Authorization", authorization);
      connection.setRequestProperty("Accept", "application/json");
      if (body != null) {
        byte[] json = JSON.std.asBytes(body);
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
        connection.setFixedLengthStreamingMode(json.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(json);
        }
      }
      int status = connection.getResponseCode();
      String text = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
      if (status >= 200 && status < 300) {
        return parse(text, uri);
      }
      throw refusal(status, text, connection.getHeaderField("Location"));
    } catch (ConnectException | UnknownHostException e) {
      throw new ClientFailure(ExitStatus.REFUSED, "Cannot reach Conductor at " + settings.url() + " ("
          + e.getMessage() + "): is it running, and is " + ClientSettings.URL + " right?");
    } catch (SocketTimeoutException e) {
      throw new ClientFailure(ExitStatus.REFUSED, "Conductor at " + settings.url() + " did not answer " + method
          + " " + path + " in time: try again, or look at its log.");
    } catch (IOException e) {
      throw new ClientFailure(ExitStatus.REFUSED, method + " " + uri + " failed: " + e.getMessage());
    }
  }

  private ClientFailure refusal(int status, String text, String location) {
    String message = serverMessage(text);
    if (status == 401) {
      return new ClientFailure(ExitStatus.NOT_SIGNED_IN, settings.url() + " did not accept user '" + settings.user()
          + "' (HTTP 401): wrong user or password, or the user is locked after failed sign-ins (each failed one"
          + " delays the next).", status);
    }
    if (status == 403) {
      return new ClientFailure(ExitStatus.NOT_ALLOWED, "User '" + settings.user() + "' may not do this"
          + (message == null ? "" : ": " + message) + " (HTTP 403)", status);
    }
    if (status >= 300 && status < 400) {
      return new ClientFailure(ExitStatus.REFUSED, settings.url() + " answered with a redirect to " + location
          + ": is " + ClientSettings.URL + " the address of Conductor?", status);
    }
    return new ClientFailure(ExitStatus.REFUSED,
        (message == null ? "The server answered HTTP " + status : message) + " (HTTP " + status + ")", status);
  }

  /** {@code message} (Camunda's REST API) or {@code error} (Conductor's API) of a JSON error body. */
  private static String serverMessage(String text) {
    try {
      Object json = text.isBlank() ? null : JSON.std.anyFrom(text);
      if (json instanceof Map<?, ?> error) {
        Object message = error.get("message") != null ? error.get("message") : error.get("error");
        return message == null ? null : message.toString();
      }
    } catch (IOException e) {
      // not JSON: a proxy's or servlet container's page, which says nothing to the operator
    }
    return null;
  }

  private Object parse(String text, URI uri) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return JSON.std.anyFrom(text);
    } catch (IOException e) {
      throw new ClientFailure(ExitStatus.REFUSED, uri + " did not answer with JSON: is " + ClientSettings.URL
          + " the address of Conductor?");
    }
  }

  private static String read(InputStream stream) throws IOException {
    if (stream == null) {
      return "";
    }
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
