package org.linoconductor.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.linoconductor.step.LiveLogs;

/**
 * A piece of a growing log file from a byte offset on, for the run page's live view: the page
 * asks again from {@code next} and appends what comes.
 *
 * @param from where this piece starts
 * @param next where the next piece starts
 * @param text the bytes between, as UTF-8; never ends in the middle of a character
 * @param running whether the step still runs (the log may grow)
 * @param log the file's name: a step of several commands writes one log per command ({@code
 *     pull-code-1.log}, {@code pull-code-2.log}, …), and while it runs its tail is its latest command's
 *     log; a reader that sees another name than before starts over from 0 (or says which log it has
 *     read with {@code ?log=}, see {@code RunsController}); null when the step wrote none
 */
public record LogTail(long from, long next, String text, boolean running, String log) {

  /** At most this much per answer: a page catching up with a large log asks a few times. */
  static final int MAX_BYTES = 64 * 1024;
  /** Without an offset the page starts with the last lines. */
  static final int LAST_BYTES = 16 * 1024;

  /**
   * @param from a byte offset, or null for the last lines
   * @throws BadRunRequestException when {@code from} lies outside the file
   */
  public static LogTail read(Path file, Long from, boolean running) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (from != null && (from < 0 || from > size)) {
        throw new BadRunRequestException("from", "'from' must be a byte offset from 0 to " + size
            + " (the log's current length), not " + from + ".");
      }
      boolean lastLines = from == null;
      long start = lastLines ? Math.max(0, size - LAST_BYTES) : from;
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_BYTES, size - start));
      while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
        // read until full: a file channel may return fewer bytes than asked
      }
      byte[] bytes = buffer.array();
      int begin = lastLines && start > 0 ? afterFirstNewline(bytes, buffer.position()) : 0;
      int end = completeCharacters(bytes, buffer.position());
      return new LogTail(start + begin, start + end,
          new String(bytes, begin, Math.max(0, end - begin), StandardCharsets.UTF_8), running,
          file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the log " + file, e);
    }
  }

  /**
   * The piece from byte {@code from} on of what a step agent last sent of a running step's log; the whole
   * piece when {@code from} lies outside it (the agent has sent lines beyond, or the step's next command's log).
   */
  static LogTail sent(LiveLogs.LiveLog live, Long from) {
    byte[] bytes = live.content().getBytes(StandardCharsets.UTF_8);
    long end = live.from() + bytes.length;
    int skip = from != null && from >= live.from() && from <= end ? (int) (from - live.from()) : 0;
    return new LogTail(live.from() + skip, end, new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8),
        true, live.log());
  }

  private static int afterFirstNewline(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** The length without a last character cut short (its remaining bytes come with the next piece). */
  private static int completeCharacters(byte[] bytes, int length) {
    for (int back = 1; back <= Math.min(4, length); back++) {
      int b = bytes[length - back] & 0xff;
      if (b < 0x80) {
        return length; // ASCII: nothing cut
      }
      if (b >= 0xc0) { // the lead byte of the last character
        int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        return needed > back ? length - back : length;
      }
    }
    return length;
  }
}
