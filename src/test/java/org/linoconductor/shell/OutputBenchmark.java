package org.linoconductor.shell;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linoconductor.lino.RestoreScript;

/**
 * The runner's throughput against {@code cat > file} (bench/output.sh runs it): a file of restore-style
 * lines ({@code Deferred ...}, tracebacks, the closing lines) passes once through a plain pipe into
 * {@code cat > file}, and once through the runner ({@code cat FILE} as a step's command, with the
 * restore's line matchers, optionally a secret to redact), alternately, ROUNDS times each. Prints MB/s
 * (min, median, max) of both, their ratio, the CPU time the runner's JVM spent per GiB (a figure the
 * machine's load changes less than the rates), and the runner's heap growth (used heap after GC, after
 * against before, and the highest reading after a collection while the runs went on).
 *
 * <p>Usage: {@code OutputBenchmark DIR [MEGABYTES [ROUNDS [SECRET]]]}; the input file is made once in DIR.
 */
public final class OutputBenchmark {

  private static final long MB = 1024 * 1024;

  private OutputBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> secrets = args.length > 3 ? List.of(args[3]) : List.of();
    Path input = restoreOutput(dir.resolve("restore-output-" + megabytes + "mb.txt"), megabytes * MB);
    long size = Files.size(input);
    CommonsExecShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults().withSecrets(secrets));
    ShellCommand.Builder builder = ShellCommand.builder("bench", "restore-snapshot").argv("cat", input.toString())
        .workingDirectory(dir).timeout(Duration.ofHours(1)).logFile(dir.resolve("runner.log"));
    RestoreScript.matchers().forEach(builder::matcher);
    ShellCommand command = builder.build();

    List<Double> plain = new ArrayList<>();
    List<Double> through = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    runner.run(command); // warm-up of the JIT, not counted
    long heapBefore = usedHeapAfterGc();
    HeapWatch watch = HeapWatch.start();
    for (int round = 1; round <= rounds; round++) {
      Files.deleteIfExists(dir.resolve("plain.out"));
      long start = System.nanoTime();
      Process cat = new ProcessBuilder("sh", "-c", "cat \"$1\" | cat > \"$2\"", "sh", input.toString(),
          dir.resolve("plain.out").toString()).inheritIO().start();
      if (cat.waitFor() != 0) {
        throw new IllegalStateException("cat failed");
      }
      plain.add(rate(size, System.nanoTime() - start));

      Files.deleteIfExists(command.logFile());
      start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      ShellResult result = runner.run(command);
      through.add(rate(size, System.nanoTime() - start));
      cpu.add((os.getProcessCpuTime() - cpuStart) / 1e9 / (size / (double) (1024 * MB)));
      check(result, size);
      System.out.printf(Locale.ROOT, "round %d: cat > file %.0f MB/s, runner %.0f MB/s%n", round,
          plain.get(round - 1), through.get(round - 1));
    }
    long peak = watch.stop();
    long heapAfter = usedHeapAfterGc();
    System.out.printf(Locale.ROOT, "%d MB of restore-style lines, %d rounds, %s%n", size / MB, rounds,
        secrets.isEmpty() ? "no secret to redact" : "one secret redacted");
    System.out.println("  cat FILE | cat > file     MB/s " + summary(plain));
    System.out.println("  runner (log, tail, facts) MB/s " + summary(through));
    System.out.println("  runner's JVM, CPU s per GiB " + summary(cpu, "%6.2f"));
    System.out.printf(Locale.ROOT, "  ratio of medians: %.2f%n", median(through) / median(plain));
    System.out.printf(Locale.ROOT, "  heap after GC: %+d KB after the runs; highest used after a collection"
        + " during them: %d MB above the start%n", (heapAfter - heapBefore) / 1024, (peak - heapBefore) / MB);
  }

  /** Makes the input once: what a flooding restore prints, about {@code bytes} long. */
  static Path restoreOutput(Path file, long bytes) throws IOException {
    if (Files.exists(file) && Files.size(file) >= bytes) {
      return file;
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write("Execute file contacts_partner.py ...\nLoading 267 objects to table contacts_partner...\n"
          .getBytes(StandardCharsets.US_ASCII));
      long written = 0;
      for (long pk = 100; written < bytes; pk++) {
        String line = pk % 50 == 0
            ? "Traceback (most recent call last):\n  File \"restore.py\", line " + pk + ", in <module>\n"
            : "Deferred Partner #" + pk + " ('Company " + pk + "') : {'city': ['Place instance with id "
                + (pk * 7 % 1000) + " does not exist.']}\n";
        byte[] b = line.getBytes(StandardCharsets.US_ASCII);
        out.write(b);
        written += b.length;
      }
      out.write(("Trying to save 4 deferred objects.\nAbandoning with 4 unsaved instances:\n"
          + "- contacts.Partner Country matching query does not exist. (1 object(s) with primary key 100)\n"
          + "Loaded 272 objects\n").getBytes(StandardCharsets.US_ASCII));
    }
    return file;
  }

  private static void check(ShellResult result, long size) throws IOException {
    if (!result.succeeded() || Files.size(result.logFile()) < size || result.fact("abandoned").isEmpty()
        || result.fact("loaded").isEmpty() || !result.tail().endsWith("Loaded 272 objects")) {
      throw new IllegalStateException("the runner lost output: " + result + " " + result.facts());
    }
  }

  private static double rate(long bytes, long nanos) {
    return bytes / (double) MB / (nanos / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String summary(List<Double> values) {
    return summary(values, "%6.0f");
  }

  private static String summary(List<Double> values, String format) {
    List<Double> sorted = values.stream().sorted().toList();
    return String.format(Locale.ROOT, "min " + format + "  median " + format + "  max " + format, sorted.get(0),
        median(values), sorted.get(sorted.size() - 1));
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The highest heap use right after a garbage collection, from the collectors' own figures. */
  private static final class HeapWatch {
    private volatile boolean running = true;
    private volatile long peak;
    private final Thread thread = new Thread(this::watch, "heap-watch");

    static HeapWatch start() {
      HeapWatch watch = new HeapWatch();
      watch.thread.setDaemon(true);
      watch.thread.start();
      return watch;
    }

    private void watch() {
      while (running) {
        long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .mapToLong(pool -> pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed())
            .sum();
        peak = Math.max(peak, afterGc);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long stop() throws InterruptedException {
      running = false;
      thread.join();
      return peak;
    }
  }
}
