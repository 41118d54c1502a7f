package org.linoconductor.shell;

import java.io.OutputStream;

/**
 * Cuts one output stream (stdout or stderr) into lines for {@link StepOutput}: the complete lines of
 * each chunk go on as one block, the unfinished last one waits here for the next chunk. Holds at most
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
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    if (length > 0 || cut) {
      int newline = ByteScan.newline(b, i, end);
      append(b, i, newline < 0 ? end : newline);
      if (newline < 0) {
        return;
      }
      endLine();
      i = newline + 1;
    }
    int last = ByteScan.lastNewline(b, i, end);
    if (last >= 0) {
      output.lines(b, i, last + 1);
      i = last + 1;
    }
    append(b, i, end);
  }

  /** Adds to the unfinished line; a full buffer goes out as a piece of a long line. */
  private void append(byte[] b, int from, int to) {
    while (from < to) {
      if (length == line.length) {
        if (cut) {
          output.continueLongLine(line, length);
        } else {
          output.startLongLine(line, length);
          cut = true;
        }
        length = 0;
      }
      int n = Math.min(to - from, line.length - length);
      System.arraycopy(b, from, line, length, n);
      length += n;
      from += n;
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
