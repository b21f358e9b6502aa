package dev.vigil.collector.ingest;

import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.Goodbye;
import dev.vigil.proto.v1.Hello;
import dev.vigil.proto.v1.MetricType;
import dev.vigil.proto.v1.SeriesDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Encoded frames built with the generated classes: the reference the hand decoder must match. */
public final class Frames {
  public static final long EPOCH = 7;

  private Frames() {}

  public static byte[] hello(String host) {
    return hello(host, EPOCH);
  }

  static byte[] hello(String host, long epoch) {
    return hello(Hello.newBuilder().setHostName(host).setEpoch(epoch));
  }

  /** Hello of an agent that still has {@code backlog} spooled batches to send. */
  static byte[] helloWithBacklog(String host, long backlog) {
    return hello(Hello.newBuilder().setHostName(host).setEpoch(EPOCH).setBacklogBatches(backlog));
  }

  private static byte[] hello(Hello.Builder hello) {
    return AgentFrame.newBuilder()
        .setHello(
            hello
                .setAgentId("agent-" + hello.getHostName())
                .setAgentVersion("test")
                .setOs("linux")
                .putLabels("site", "lab"))
        .build()
        .toByteArray();
  }

  public static byte[] goodbye() {
    return AgentFrame.newBuilder()
        .setGoodbye(Goodbye.newBuilder().setReason(Goodbye.Reason.REASON_SHUTDOWN))
        .build()
        .toByteArray();
  }

  /**
   * A catalog of {@code count} node_cpu_seconds_total-like series, labels cpu and mode, in epoch
   * {@link #EPOCH}, starting from empty tables.
   */
  public static byte[] cpuCatalog(int count) {
    return catalog(EPOCH, cpuSeries(count));
  }

  /** Series i is {@code node_cpu_seconds_total{cpu="i/8",mode="m<i%8>"}}. */
  static List<String[]> cpuSeries(int count) {
    List<String[]> series = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      series.add(
          new String[] {
            "node_cpu_seconds_total", "cpu", Integer.toString(i / 8), "mode", "m" + (i % 8)
          });
    }
    return series;
  }

  /**
   * A full catalog interning every string once; each series is {@code {name, label, value, ...}}
   * and counters are recognised by their {@code _total} suffix.
   */
  public static byte[] catalog(long epoch, List<String[]> series) {
    Map<String, Integer> symbols = new LinkedHashMap<>();
    Catalog.Builder catalog =
        Catalog.newBuilder().setEpoch(epoch).setFirstSymbolId(1).setFirstSeriesId(0);
    for (String[] s : series) {
      SeriesDef.Builder def =
          SeriesDef.newBuilder()
              .setName(intern(symbols, s[0]))
              .setHelp(intern(symbols, "Help for " + s[0] + "."))
              .setType(
                  s[0].endsWith("_total")
                      ? MetricType.METRIC_TYPE_COUNTER
                      : MetricType.METRIC_TYPE_GAUGE);
      for (int i = 1; i < s.length; i++) {
        def.addLabels(intern(symbols, s[i]));
      }
      catalog.addSeries(def);
    }
    catalog.addAllSymbols(symbols.keySet());
    return AgentFrame.newBuilder().setCatalog(catalog).build().toByteArray();
  }

  private static int intern(Map<String, Integer> symbols, String symbol) {
    return symbols.computeIfAbsent(symbol, s -> symbols.size() + 1);
  }

  static Batch.Builder batch(long seq, double... values) {
    Batch.Builder batch =
        Batch.newBuilder().setEpoch(EPOCH).setSeq(seq).setTimestampMs(1_700_000_000_000L + seq);
    for (double v : values) {
      batch.addValues(v);
    }
    return batch;
  }

  public static byte[] frame(Batch.Builder batch) {
    return AgentFrame.newBuilder().setBatch(batch).build().toByteArray();
  }

  public static byte[] denseBatch(long seq, double... values) {
    return frame(batch(seq, values));
  }

  /** Values 0, 1, 2, ... offset by {@code base}. */
  static double[] ramp(int count, double base) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = base + i;
    }
    return values;
  }
}
