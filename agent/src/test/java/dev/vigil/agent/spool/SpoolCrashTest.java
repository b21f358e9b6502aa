package dev.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.agent.wire.MutableClock;
import dev.vigil.agent.wire.WireReplica;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is appending to the spool with SIGKILL at random moments, 20 times, and
 * checks after each kill that the spool opens, replays in seq order with every value intact, holds
 * every tick whose append had returned (above the last acknowledgement), counts nothing as corrupt,
 * and that the next run's seqs continue above all earlier ones. A killed process loses nothing its
 * append returned for under either fsync policy: its writes are in the page cache.
 */
class SpoolCrashTest {
  private static final int ROUNDS = 20;
  private static final long WAIT_MS = 30_000;

  @TempDir Path dir;

  @Test
  void shouldLoseAndCorruptNothingWhenKilledAtRandomMoments() throws Exception {
    Random random = new Random(11);
    long highestPrinted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      FsyncPolicy policy = round % 2 == 0 ? FsyncPolicy.ALWAYS : FsyncPolicy.NEVER;
      List<String> lines = runAndKill(policy, 1 + random.nextInt(150), random.nextInt(20));
      List<Long> seqs = numbers(lines, "seq ");
      long lastAck = numbers(lines, "ack ").stream().mapToLong(Long::longValue).max().orElse(0);
      assertTrue(seqs.get(0) > highestPrinted, "round " + round + ": seq continues across runs");
      highestPrinted = seqs.get(seqs.size() - 1);

      try (Spool spool = Spool.open(dir, 1 << 20, FsyncPolicy.NEVER, new MutableClock(1))) {
        List<WireReplica.Applied> applied = SpoolTest.replay(spool, 0).applied();

        assertEquals(0, spool.corruptRecords(), "round " + round + ": nothing corrupt");
        List<Long> replayed = applied.stream().map(WireReplica.Applied::seq).toList();
        for (long seq : seqs) {
          if (seq > lastAck && !replayed.contains(seq)) {
            fail(
                "round "
                    + round
                    + " ("
                    + policy
                    + "): seq "
                    + seq
                    + " was lost; "
                    + evidence(spool, seqs, lastAck, replayed));
          }
        }
        for (WireReplica.Applied tick : applied) {
          assertEquals(tick.seq(), tick.timestampMs(), "the tick carries its own seq");
          for (int k = 0; k < SpoolCrashChild.SENSORS; k++) {
            assertEquals(
                SpoolCrashChild.value(tick.seq(), k), tick.value(SpoolCrashChild.sensor(k)));
          }
        }
      }
    }
  }

  /**
   * What a rare failure needs to be understood: the spool's counters, its files, what the child
   * printed and what came back; the spool directory is copied to {@code target/} too.
   */
  private String evidence(Spool spool, List<Long> seqs, long lastAck, List<Long> replayed)
      throws IOException {
    Path kept = Path.of("target", "spool-crash-evidence", Long.toString(System.nanoTime()));
    Files.createDirectories(kept);
    StringBuilder files = new StringBuilder();
    try (Stream<Path> listing = Files.list(dir).sorted()) {
      for (Path file : listing.toList()) {
        files.append(file.getFileName()).append('=').append(Files.size(file)).append(' ');
        Files.copy(file, kept.resolve(file.getFileName()));
      }
    }
    return "printed "
        + seqs.size()
        + " seqs "
        + seqs.get(0)
        + ".."
        + seqs.get(seqs.size() - 1)
        + ", last ack "
        + lastAck
        + ", replayed "
        + replayed.size()
        + (replayed.isEmpty()
            ? ""
            : " " + replayed.get(0) + ".." + replayed.get(replayed.size() - 1))
        + ", acked "
        + spool.ackedSeq()
        + ", dropped "
        + spool.droppedBatches()
        + ", files "
        + files
        + "(copied to "
        + kept.toAbsolutePath()
        + ")";
  }

  /**
   * Starts the child, waits until it printed {@code appends} seqs, lets it run {@code moreMillis}
   * longer, kills it with SIGKILL and returns everything it printed.
   */
  private List<String> runAndKill(FsyncPolicy policy, int appends, int moreMillis)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                SpoolCrashChild.class.getName(),
                dir.toString(),
                policy.settingValue())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new ArrayList<>();
    Thread reader = new Thread(() -> readLines(child, lines), "crash-child-output");
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
      while (countSeqs(lines) < appends) {
        if (System.nanoTime() > deadline || !child.isAlive()) {
          fail("the child printed " + countSeqs(lines) + " of " + appends + " seqs: " + lines);
        }
        Thread.sleep(1);
      }
      Thread.sleep(moreMillis);
    } finally {
      child.destroyForcibly();
      child.waitFor(WAIT_MS, TimeUnit.MILLISECONDS);
      reader.join(WAIT_MS);
    }
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }

  private static void readLines(Process child, List<String> lines) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      // The child was killed mid-line: what was read is all there is.
    }
  }

  private static long countSeqs(List<String> lines) {
    synchronized (lines) {
      return lines.stream().filter(line -> line.startsWith("seq ")).count();
    }
  }

  /** The numbers of the complete lines starting with {@code prefix}. */
  private static List<Long> numbers(List<String> lines, String prefix) {
    return lines.stream()
        .filter(line -> line.startsWith(prefix) && line.length() > prefix.length())
        .map(line -> Long.parseLong(line.substring(prefix.length())))
        .collect(Collectors.toList());
  }
}
