package dev.vigil.agent.collector.patch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a command with {@code LANG=C}, stdin closed and stderr merged into stdout, and returns its
 * output, read fully up to {@link #MAX_OUTPUT_BYTES}. A command still running after the timeout is
 * destroyed and reported as failed.
 */
final class ProcessOutputReader {
  /** More output than this is not what any package manager listing looks like. */
  static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

  private final Duration timeout;

  /** Destroys commands that run longer than {@code timeout}. */
  ProcessOutputReader(Duration timeout) {
    this.timeout = timeout;
  }

  /** The output of a command that exited with status 0; anything else throws. */
  String run(List<String> command) throws IOException, InterruptedException {
    return run(command, Set.of(0)).output();
  }

  /**
   * The exit status and output of a command whose exit status is one of {@code expectedExits} (such
   * as {@code dnf check-update}'s 100 for "updates pending"); any other status throws.
   */
  Result run(List<String> command, Set<Integer> expectedExits)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LANG", "C");
    builder.environment().put("LC_ALL", "C");
    Process process = builder.start();
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<Void> watchdog =
        CompletableFuture.runAsync(
            () -> {
              timedOut.set(true);
              process.destroyForcibly();
            },
            CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS));
    try {
      process.getOutputStream().close();
      String output = readBounded(process.getInputStream(), command);
      int exit = process.waitFor();
      if (timedOut.get()) {
        throw new IOException(command.get(0) + " timed out after " + timeout);
      }
      if (!expectedExits.contains(exit)) {
        throw new IOException(command.get(0) + " exited with " + exit + ": " + lastLine(output));
      }
      return new Result(exit, output);
    } finally {
      watchdog.cancel(false);
      process.destroyForcibly();
    }
  }

  /** A finished command: its exit status and its output (stdout and stderr merged). */
  record Result(int exit, String output) {}

  private static String readBounded(InputStream in, List<String> command) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      if (out.size() + n > MAX_OUTPUT_BYTES) {
        throw new IOException(command.get(0) + " wrote more than " + MAX_OUTPUT_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String lastLine(String output) {
    String trimmed = output.strip();
    String last = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    return last.length() > 200 ? last.substring(0, 200) : last;
  }
}
