package org.linoconductor.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the client prints passes here: control characters other than newline and tab are
 * written visibly ({@code ^[} for ESC), so that a step's output, a name or a message from the
 * server (text that a site's scripts, running as root, may have written) cannot move the cursor,
 * rewrite earlier lines, change the terminal's title or send it other commands.
 */
final class VisibleControls extends FilterWriter {

  VisibleControls(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)) {
      out.write(c);
    } else if (c < 0x20 || c == 0x7f) {
      out.write('^');
      out.write(c ^ 0x40); // caret notation: ESC is ^[, CR ^M, DEL ^?
    } else {
      out.write('?'); // C1 controls (0x80–0x9f): some terminals obey them as ESC sequences
    }
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(text.charAt(i));
    }
  }
}
