package org.linoconductor.demo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.linoconductor.ConductorApplication;

/**
 * A fresh demo as a newcomer starts it ({@code java -jar} in an empty directory: profile demo, data
 * under {@code ./data}), on a random port, in a JVM of its own: Camunda's web applications keep
 * static state per JVM (the engines by name, the default engine, the apps' runtime), which the test
 * contexts in the test JVM already hold. Test classes get it as a parameter
 * ({@code @ExtendWith(FreshDemo.Shared.class)}); it is started once and stopped after the last test.
 * Its log goes to {@code target/fresh-demo.log}.
 */
public final class FreshDemo implements ExtensionContext.Store.CloseableResource {

  private static final Duration START_PATIENCE = Duration.ofMinutes(4);
  private static final Pattern READY = Pattern.compile("Runs \\(audit trail\\): +http://127\\.0\\.0\\.1:(\\d+)/runs");

  private final Process process;
  private final Path directory;
  private final int port;

  private FreshDemo(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /** Resolves a {@link FreshDemo} parameter to the demo shared by all test classes. */
  public static final class Shared implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == FreshDemo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
          .getOrComputeIfAbsent(FreshDemo.class, key -> start(), FreshDemo.class);
    }
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  static FreshDemo start() {
    try {
      Path directory = Files.createTempDirectory("fresh-demo");
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), ConductorApplication.class.getName(), "--server.port=0")
          .directory(directory.toFile()).redirectErrorStream(true).start();
      CompletableFuture<Integer> ready = new CompletableFuture<>();
      Thread log = new Thread(() -> copyLog(process, ready), "fresh-demo-log");
      log.setDaemon(true);
      log.start();
      try {
        return new FreshDemo(process, directory, ready.get(START_PATIENCE.toSeconds(), TimeUnit.SECONDS));
      } catch (TimeoutException | ExecutionException e) {
        process.destroyForcibly();
        throw new IllegalStateException("the demo did not start within " + START_PATIENCE
            + ": see target/fresh-demo.log", e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Copies the demo's output to target/fresh-demo.log and completes with its port once it is ready. */
  private static void copyLog(Process process, CompletableFuture<Integer> ready) {
    try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(Path.of("target", "fresh-demo.log")), true)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        file.println(line);
        Matcher started = READY.matcher(line);
        if (started.find()) {
          ready.complete(Integer.parseInt(started.group(1)));
        }
      }
      ready.completeExceptionally(new IllegalStateException("the demo ended: exit " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      ready.completeExceptionally(e);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
