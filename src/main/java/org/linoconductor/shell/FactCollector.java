package org.linoconductor.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the line matchers to each output line and keeps, per fact, at most the first N lines.
 *
 * <p>A restore may print millions of lines of which one matters, so a block of lines is first
 * skimmed for the lines that may match: with the text every match of the pattern begins with
 * ({@link TextSearch}, vectorized), else with the pattern itself over the whole block; only those
 * lines, and the lines a match keeps after it, are then matched on their own.
 */
final class FactCollector {

  private final List<Fact> facts;

  FactCollector(List<LineMatcher> matchers, int maxLines) {
    this.facts = matchers.stream().map(m -> new Fact(m, maxLines)).toList();
  }

  boolean isEmpty() {
    return facts.isEmpty();
  }

  /**
   * One output line: {@code shown} is what its matchers see (the beginning of an over-long line),
   * {@code kept} what a fact keeps of it (with the cut marker then).
   */
  void accept(String shown, String kept) {
    for (Fact fact : facts) {
      fact.accept(shown, kept);
    }
  }

  /**
   * The complete lines {@code b[from, to)} (it ends with a newline): as if each were given to
   * {@link #accept}, decoded as UTF-8, without a CR before its newline, cut at {@code maxLineLength}.
   *
   * @param text {@code b[from, to)} one char per byte (ISO-8859-1), to search and match in place
   */
  void acceptLines(byte[] b, int from, String text, int maxLineLength) {
    Block block = new Block(b, from, text, maxLineLength);
    for (Fact fact : facts) {
      fact.acceptLines(block);
    }
  }

  Map<String, List<String>> facts() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    facts.forEach(fact -> result.put(fact.matcher.fact(), List.copyOf(fact.lines)));
    return result;
  }

  /** A block of lines; positions are those of {@code text}, which starts at {@code bytes[from]}. */
  private static final class Block {
    private final byte[] bytes;
    private final int from;
    private final String text;
    private final int maxLineLength;
    private Boolean ascii;

    Block(byte[] bytes, int from, String text, int maxLineLength) {
      this.bytes = bytes;
      this.from = from;
      this.text = text;
      this.maxLineLength = maxLineLength;
    }

    /** Whether the block is plain ASCII, so that {@code text} is what its lines say. */
    boolean ascii() {
      if (ascii == null) {
        ascii = ByteScan.ascii(bytes, from, from + text.length());
      }
      return ascii;
    }

    /** The start of the line that holds position {@code at} (a newline belongs to the line it ends). */
    int lineStart(int at) {
      return text.lastIndexOf('\n', at - 1) + 1;
    }

    int lineEnd(int start) {
      return text.indexOf('\n', start);
    }

    boolean cut(int start, int end) {
      return end - start > maxLineLength;
    }

    /** What the matchers see of the line {@code [start, end)}: its beginning, without a final CR. */
    int shownEnd(int start, int end) {
      int shown = Math.min(end, start + maxLineLength);
      return shown > start && text.charAt(shown - 1) == '\r' ? shown - 1 : shown;
    }

    boolean asciiLine(int start, int end) {
      return ascii() || ByteScan.ascii(bytes, from + start, from + end);
    }

    String decoded(int start, int end) {
      return new String(bytes, from + start, end - start, StandardCharsets.UTF_8);
    }
  }

  private static final class Fact {
    private final LineMatcher matcher;
    /** Reset for each line: a gigabyte of output must not cost a Matcher per line. */
    private final Matcher reusable;
    /** Text every match begins with (ASCII), or {@code null}: then {@link #skimmer} skims. */
    private final TextSearch literal;
    /** The pattern over a whole block, {@code ^} and {@code $} at line ends: finds a candidate line. */
    private final Matcher skimmer;
    private final int maxLines;
    private final List<String> lines = new ArrayList<>();
    /** Lines still to keep after the last match. */
    private int following;

    Fact(LineMatcher matcher, int maxLines) {
      this.matcher = matcher;
      this.reusable = matcher.pattern().matcher("");
      String required = RequiredLiteral.of(matcher.pattern());
      this.literal = required == null ? null : new TextSearch(required);
      this.skimmer = Pattern.compile(matcher.pattern().pattern(), matcher.pattern().flags() | Pattern.MULTILINE)
          .matcher("");
      this.maxLines = maxLines;
    }

    void accept(String shown, String kept) {
      if (!full()) {
        accept(reusable.reset(shown).find(), kept);
      }
    }

    void acceptLines(Block block) {
      int next = 0;
      while (next < block.text.length() && !full()) {
        int start = next;
        if (following == 0) {
          // the lines before the first one that may match cannot match: skip them
          int candidate = skim(block, next);
          if (candidate < 0) {
            return;
          }
          start = Math.max(next, block.lineStart(candidate));
        }
        int end = block.lineEnd(start);
        int shown = block.shownEnd(start, end);
        String marker = block.cut(start, end) ? StepOutput.CUT_MARKER : "";
        if (block.asciiLine(start, shown)) {
          // a region with opaque, anchoring bounds matches as the line alone would
          boolean found = reusable.reset(block.text).region(start, shown).find();
          accept(found, found || following > 0 ? block.text.substring(start, shown) + marker : null);
        } else {
          String line = block.decoded(start, shown);
          accept(line, line + marker);
        }
        next = end + 1;
      }
    }

    /** Where in the block, at or after {@code from}, a line that may match is; -1 when none is. */
    private int skim(Block block, int from) {
      if (literal != null) {
        // ASCII text never occurs inside a multi-byte UTF-8 character: exact in any block
        return literal.in(block.text, from);
      }
      if (!block.ascii()) {
        return from; // the pattern may need the decoded text: every line is a candidate
      }
      return skimmer.reset(block.text).region(from, block.text.length()).find() ? skimmer.start() : -1;
    }

    private void accept(boolean found, String line) {
      if (found) {
        keep(line);
        following = matcher.keepLines();
      } else if (following > 0) {
        keep(line);
        following--;
      }
    }

    /** All lines it may keep are kept and none is owed: nothing more to match. */
    private boolean full() {
      return lines.size() >= maxLines && following == 0;
    }

    private void keep(String line) {
      if (lines.size() < maxLines) {
        lines.add(line);
      }
    }
  }
}
