package org.linoconductor.page;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The frame of every page of the conductor's own: one stylesheet, a viewport for phones, a header
 * with the signed-in user. The Content-Security-Policy allows only our own scripts and styles, so
 * that escaped user data could never run even if an escape were missed.
 */
public final class PageLayout {

  private PageLayout() {}

  /**
   * @param title plain text, escaped here
   * @param user the signed-in user, or null on the sign-in page
   * @param body HTML, already escaped by the caller
   */
  public static ResponseEntity<String> page(String title, SignedInUser user, String body) {
    return page(HttpStatus.OK, title, user, body);
  }

  public static ResponseEntity<String> page(HttpStatus status, String title, SignedInUser user, String body) {
    String header = user == null ? "" : """
        <form class="signout" method="post" action="/signout"><span class="who">%s</span>
        <input type="hidden" name="_csrf" value="%s"><button type="submit">Sign out</button></form>"""
        .formatted(Html.escape(user.userId()), Html.escape(user.csrfToken()));
    String html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Lino Conductor</title>
        <link rel="stylesheet" href="/conductor.css">
        <script src="/conductor.js" defer></script>
        </head>
        <body>
        <header class="top"><a class="brand" href="/runs">Lino Conductor</a>%s</header>
        <main>
        %s
        </main>
        </body>
        </html>
        """.formatted(Html.escape(title), header, body);
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .body(html);
  }
}
