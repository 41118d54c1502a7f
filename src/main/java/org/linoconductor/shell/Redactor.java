package org.linoconductor.shell;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Replaces secrets by {@code ****}, in strings and in streamed bytes. */
final class Redactor {

  static final String MASK = "****";

  /** Longest first, so a secret that contains another one is masked whole. */
  private final List<String> secrets;
  private final List<byte[]> secretBytes;

  Redactor(Collection<String> secrets) {
    Set<String> distinct = new LinkedHashSet<>();
    secrets.stream().filter(s -> s != null && !s.isEmpty()).forEach(distinct::add);
    this.secrets = distinct.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    // longest first in bytes too: a non-ASCII secret is longer in bytes than in characters
    this.secretBytes = this.secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8))
        .sorted(Comparator.comparingInt((byte[] b) -> b.length).reversed()).toList();
  }

  static Redactor forRun(ShellProperties properties, ShellCommand command) {
    Set<String> all = new LinkedHashSet<>(properties.secrets());
    all.addAll(command.secretValues());
    return new Redactor(all);
  }

  String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** A stream that masks the secrets in everything written through it to {@code downstream}. */
  RedactingOutputStream redacting(OutputStream downstream) {
    return new RedactingOutputStream(secretBytes, downstream);
  }
}
