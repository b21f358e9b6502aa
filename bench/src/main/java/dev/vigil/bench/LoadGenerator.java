package dev.vigil.bench;

import dev.vigil.proto.v1.IngestGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Simulated agents against a running collector: {@code --agents} streams spread over {@code
 * --channels} connections, each sending a node_exporter-sized catalog and then every {@code
 * --interval} a batch of all its series, their starts spread evenly across one interval. After
 * {@code --warmup} it measures for {@code --duration}: batches sent and acknowledged, how long a
 * batch waited for its Ack, and, given {@code --collector-pid}, the collector's CPU time (user +
 * system, all threads, from {@code /proc}) and resident memory. {@code bench/load/load.sh} starts a
 * collector and runs it.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = flags(args);
    String target = flags.getOrDefault("collector", "127.0.0.1:7431");
    int agents = Integer.parseInt(flags.getOrDefault("agents", "1000"));
    int channels = Integer.parseInt(flags.getOrDefault("channels", "16"));
    Duration interval = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("interval", "15")));
    Duration warmup = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("warmup", "60")));
    Duration duration = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("duration", "180")));
    long pid = Long.parseLong(flags.getOrDefault("collector-pid", "0"));

    NodeExporterCatalog.Result catalog = NodeExporterCatalog.build(1);
    SimulatedAgent.Counters counters = new SimulatedAgent.Counters();
    List<ManagedChannel> connections = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      connections.add(NettyChannelBuilder.forTarget(target).usePlaintext().build());
    }
    ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    List<SimulatedAgent> fleet = new ArrayList<>();
    long spread = interval.toNanos() / agents;
    for (int i = 0; i < agents; i++) {
      SimulatedAgent agent =
          new SimulatedAgent(String.format(Locale.ROOT, "load-%05d", i), catalog, i, counters);
      agent.connect(IngestGrpc.newStub(connections.get(i % channels)));
      fleet.add(agent);
      ticks.scheduleAtFixedRate(agent::tick, i * spread, interval.toNanos(), TimeUnit.NANOSECONDS);
    }
    System.out.printf(
        Locale.ROOT,
        "%d agents, %d series each, a batch every %ds, over %d connections to %s; warm-up %ds%n",
        agents,
        catalog.counter().length,
        interval.toSeconds(),
        channels,
        target,
        warmup.toSeconds());
    Thread.sleep(warmup.toMillis());
    ProcessSample before = ProcessSample.of(pid);
    fleet.forEach(agent -> agent.measure(true));
    long start = System.nanoTime();
    Thread.sleep(duration.toMillis());
    fleet.forEach(agent -> agent.measure(false));
    double seconds = (System.nanoTime() - start) / 1e9;
    ProcessSample after = ProcessSample.of(pid);
    report(counters, catalog.counter().length, seconds, before, after);
    ticks.shutdownNow();
    fleet.forEach(SimulatedAgent::close);
    for (ManagedChannel connection : connections) {
      connection.shutdown().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static void report(
      SimulatedAgent.Counters counters,
      int series,
      double seconds,
      ProcessSample before,
      ProcessSample after) {
    long sent = counters.sent().get();
    long acked = counters.acked().get();
    LatencyHistogram latency = counters.ackLatency();
    System.out.printf(
        Locale.ROOT,
        "measured %.0fs: %d batches sent (%.1f/s, %.0f samples/s), %d acks, %d stream errors%n",
        seconds,
        sent,
        sent / seconds,
        sent * series / seconds,
        acked,
        counters.errors().get());
    System.out.printf(
        Locale.ROOT,
        "ack latency (%d batches): p50 %d µs, p99 %d µs, p99.9 %d µs%n",
        latency.count(),
        latency.percentileMicros(0.5),
        latency.percentileMicros(0.99),
        latency.percentileMicros(0.999));
    if (before.valid() && after.valid()) {
      double cpuSeconds = (after.cpuTicks() - before.cpuTicks()) / ProcessSample.TICKS_PER_SECOND;
      System.out.printf(
          Locale.ROOT,
          "collector: %.1f%% of one core, %.1f µs of CPU per batch, VmRSS %.1f MB%n",
          100 * cpuSeconds / seconds,
          sent == 0 ? 0 : 1e6 * cpuSeconds / sent,
          after.rssKb() / 1024.0);
    }
  }

  /** {@code --name value} pairs. */
  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      flags.put(args[i].substring(2), args[i + 1]);
    }
    return flags;
  }

  /** A process's CPU time and resident memory from {@code /proc}; invalid without a pid. */
  private record ProcessSample(boolean valid, long cpuTicks, long rssKb) {
    /** USER_HZ, 100 on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100;

    static ProcessSample of(long pid) throws IOException {
      if (pid <= 0) {
        return new ProcessSample(false, 0, 0);
      }
      Path proc = Path.of("/proc", Long.toString(pid));
      String stat = Files.readString(proc.resolve("stat"));
      // Fields after the command, which is in parentheses and may hold spaces: utime is 14th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      long rss =
          Files.readAllLines(proc.resolve("status")).stream()
              .filter(line -> line.startsWith("VmRSS:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
              .findFirst()
              .orElse(0);
      return new ProcessSample(true, cpu, rss);
    }
  }
}
