package org.linoconductor.shell;

import java.io.OutputStream;

/**
 * Cuts one output stream (stdout or stderr) into lines for {@link StepOutput}. Holds at most
 * {@code maxLineLength} bytes: a longer line goes on to the log file in pieces while memory keeps
 * only its beginning. (commons-exec's LogOutputStream would hold a whole line, however long.)
 */
final class LineSplitter extends OutputStream {

  private final StepOutput output;
  private final byte[] line;
  private int length;
  /** The current line was longer than the buffer: its beginning is already out. */
  private boolean cut;

  LineSplitter(StepOutput output, int maxLineLength) {
    this.output = output;
    this.line = new byte[maxLineLength];
  }

  @Override
  public void write(int b) {
    if (b == '\n') {
      endLine();
      return;
    }
    if (length == line.length) {
      if (cut) {
        output.continueLongLine(line, length);
      } else {
        output.startLongLine(line, length);
        cut = true;
      }
      length = 0;
    }
    line[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      if (length == line.length) {
        write(b[i++]); // flushes the full buffer as a piece of a long line
        continue;
      }
      // copy up to the next newline or until the buffer is full, without a call per byte
      int stop = Math.min(end, i + line.length - length);
      int j = i;
      while (j < stop && b[j] != '\n') {
        j++;
      }
      System.arraycopy(b, i, line, length, j - i);
      length += j - i;
      i = j;
      if (i < stop) {
        endLine();
        i++;
      }
    }
  }

  private void endLine() {
    if (cut) {
      output.endLongLine(line, length);
    } else {
      output.line(line, length);
    }
    length = 0;
    cut = false;
  }

  /** The last line may lack its newline. */
  @Override
  public void close() {
    if (length > 0 || cut) {
      endLine();
    }
  }
}
