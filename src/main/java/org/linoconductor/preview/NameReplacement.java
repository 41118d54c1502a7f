package org.linoconductor.preview;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The old site name replaced by the new one where it stands as a word of its own: in paths
 * ({@code /usr/local/lino/anna/}), host names ({@code anna.example.com}), module names
 * ({@code anna.settings}) and {@code _}-joined names ({@code linod_anna}), but not inside a longer
 * word ({@code annabelle}, {@code hanna}). Letters and digits end a word; {@code _} and
 * {@code -} do not, because they join names in supervisor programs and database users. The review
 * task shows every line changed, so a person sees what this rule did.
 */
final class NameReplacement {

  private final Pattern word;
  private final String replacement;

  NameReplacement(String oldName, String newName) {
    this.word = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(oldName) + "(?![A-Za-z0-9])");
    this.replacement = Matcher.quoteReplacement(newName);
  }

  String apply(String text) {
    return word.matcher(text).replaceAll(replacement);
  }

  List<String> apply(List<String> argv) {
    return argv.stream().map(this::apply).toList();
  }

  boolean occursIn(String text) {
    return word.matcher(text).find();
  }
}
