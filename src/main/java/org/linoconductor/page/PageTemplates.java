package org.linoconductor.page;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The conductor's own pages, from the Thymeleaf templates under {@code templates/} (escaping by
 * default), each inside {@code layout.html}: one stylesheet, a viewport for phones, a header with the
 * signed-in user. The Content-Security-Policy allows only our own scripts and styles, so that escaped
 * user data could never run even if an escape were missed. Rendered here rather than by a view
 * resolver, because the sign-in form is also answered from Spring Security's handlers, outside MVC.
 */
@Component
public class PageTemplates {

  private final ITemplateEngine templates;

  PageTemplates(ITemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * @param template the name under {@code templates/}, without {@code .html}
   * @param title plain text
   * @param user the signed-in user, or null on the sign-in page
   * @param model what the template shows, as plain values (the template escapes them)
   */
  public ResponseEntity<String> page(HttpStatus status, String template, String title, SignedInUser user,
      Map<String, ?> model) {
    Context context = new Context(Locale.ENGLISH);
    model.forEach(context::setVariable);
    context.setVariable("title", title);
    context.setVariable("user", user);
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .body(templates.process(template, context));
  }
}
