package dev.vigil.collector.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.collector.CollectorMain;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real collector ({@link CollectorMain}) in a child JVM on loopback ports it chooses, found by
 * the line it logs once it listens, and ended by SIGKILL or SIGTERM; closing it kills it if it
 * still runs, so that a failed test leaves no collector behind.
 */
final class CollectorProcess implements AutoCloseable {
  private static final long WAIT_SECONDS = 60;
  private static final Pattern LISTENING =
      Pattern.compile("agents connect to (127\\.0\\.0\\.1):(\\d+);");

  private final Process process;
  private final Thread pump;
  private final InetSocketAddress ingest;

  private CollectorProcess(Process process, BlockingQueue<String> lines, Thread pump)
      throws InterruptedException {
    this.process = process;
    this.pump = pump;
    this.ingest = awaitListening(lines);
  }

  /**
   * Starts {@code vigil-collector run} with {@code flags} after the loopback listen flags and waits
   * until it listens.
   *
   * @param log where the child's output (its log) goes, for a look after a failure
   */
  static CollectorProcess start(Path log, List<String> flags)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CollectorMain.class.getName(),
            "run",
            "--ingest-listen",
            "127.0.0.1:0",
            "--http-listen",
            "127.0.0.1:0"));
    command.addAll(flags);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    // Drained to the end, so that the child never blocks on a full pipe while it logs.
    Thread pump = new Thread(() -> pump(process, lines, log), "collector-output");
    pump.start();
    try {
      return new CollectorProcess(process, lines, pump);
    } catch (AssertionError | InterruptedException e) {
      process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      throw e;
    }
  }

  private InetSocketAddress awaitListening(BlockingQueue<String> lines)
      throws InterruptedException {
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
        }
      } else if (!process.isAlive()) {
        break;
      }
    }
    return fail("the collector did not start listening:\n" + seen);
  }

  /** Queues each line of the child's output and keeps it in {@code log}. */
  private static void pump(Process process, BlockingQueue<String> lines, Path log) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(log)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        out.write(line);
        out.newLine();
      }
    } catch (IOException e) {
      // The child died mid-line: the log ends there.
    }
  }

  /** Where agents connect. */
  InetSocketAddress ingest() {
    return ingest;
  }

  /** SIGKILL: the collector gets no chance to finish anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    awaitExit("SIGKILL");
  }

  /** SIGTERM: the collector closes as a service manager would stop it. */
  void stop() throws InterruptedException {
    process.destroy();
    awaitExit("SIGTERM");
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitExit(String signal) throws InterruptedException {
    assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the collector outlived " + signal);
    pump.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
  }
}
