package dev.vigil.agent.spool;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link SpoolCrashTest} kills: appends ticks to the spool in {@code args[0]} under the
 * fsync policy {@code args[1]} as fast as it can, printing {@code seq N} once append returned for N
 * and {@code ack N} just before it acknowledges N, until it is killed.
 */
public final class SpoolCrashChild {
  static final int SENSORS = 8;
  static final Metric VALUE = Metric.gauge("crash_test_value", "A value derived from the seq.");

  private SpoolCrashChild() {}

  /** The value of sensor {@code k} in the tick with {@code seq}: checkable after a crash. */
  static double value(long seq, int k) {
    return Math.sqrt(seq % 1_000_003) + k;
  }

  static String sensor(int k) {
    return "crash_test_value{k=" + k + "}";
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Spool spool =
        Spool.open(Path.of(args[0]), 1 << 20, FsyncPolicy.parse(args[1]), Clock.systemUTC());
    SpoolWriter writer = new SpoolWriter(spool, 8);
    while (true) {
      // One thread appends, so the next seq is the one this tick gets; the timestamp carries it.
      long seq = spool.nextSeq();
      List<Sample> samples = new ArrayList<>(SENSORS);
      for (int k = 0; k < SENSORS; k++) {
        samples.add(new Sample(VALUE, Labels.of("k", Integer.toString(k)), value(seq, k)));
      }
      long appended = writer.append(samples, seq);
      out.println("seq " + appended);
      out.flush();
      if (appended % 50 == 0) {
        // Announced before the call: acknowledge may delete what it covers before it returns, so
        // a kill inside it must not leave the test expecting those ticks.
        out.println("ack " + (appended - 100));
        out.flush();
        spool.acknowledge(appended - 100);
      }
    }
  }
}
