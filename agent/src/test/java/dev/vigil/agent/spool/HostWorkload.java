package dev.vigil.agent.spool;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated host of about 500 series whose values move the way a real server's do every 15 s:
 * CPU, disk and network counters at plausible rates with jitter, idle counters that rarely move,
 * noisy gauges (memory in pages, temperatures, fans, voltages, load), constants (sizes, MTUs,
 * critical temperatures), info series at 1, and collector durations measured in nanoseconds.
 * Deterministic for a seed.
 */
final class HostWorkload {
  static final long TICK_MS = 15_000;

  /** How one series moves from tick to tick. */
  private interface Motion {
    double next(double previous, Random random);
  }

  private record Series(Metric metric, Labels labels, Motion motion) {}

  private final List<Series> series = new ArrayList<>();
  private final double[] values;
  private final Random random;
  private long timestampMs;

  HostWorkload(long seed, long startMs) {
    random = new Random(seed);
    timestampMs = startMs;
    cpu(16);
    memory();
    filesystems(10);
    disks(6);
    network(10, 4);
    sensors(16, 4, 8);
    identity();
    selfMetrics(15);
    padWithIdleCounters(500);
    values = new double[series.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = series.get(i).motion.next(0, random);
    }
  }

  int seriesCount() {
    return series.size();
  }

  /** The next tick's samples, 15 s (with a few ms of jitter) after the previous one. */
  List<Sample> next() {
    timestampMs += TICK_MS + random.nextInt(7) - 3;
    List<Sample> samples = new ArrayList<>(series.size());
    for (int i = 0; i < values.length; i++) {
      Series s = series.get(i);
      values[i] = s.motion.next(values[i], random);
      samples.add(new Sample(s.metric, s.labels, values[i]));
    }
    return samples;
  }

  long timestampMs() {
    return timestampMs;
  }

  private void add(Metric metric, Motion motion, String... labels) {
    series.add(new Series(metric, Labels.of(labels), motion));
  }

  /** A counter at {@code perSecond} ±{@code jitter}, read with a resolution of 1/{@code unit}. */
  private static Motion counter(double perSecond, double jitter, double unit) {
    return (previous, random) -> {
      double step = perSecond * 15 * (1 + jitter * random.nextGaussian());
      return Math.round((previous + Math.max(0, step)) * unit) / unit;
    };
  }

  /** A counter that moves by 1 on a tick with probability {@code p}. */
  private static Motion rare(double p) {
    return (previous, random) -> random.nextDouble() < p ? previous + 1 : previous;
  }

  /** A gauge wandering around {@code mean} by {@code step}, in multiples of {@code quantum}. */
  private static Motion gauge(double mean, double step, double quantum) {
    return (previous, random) -> {
      double from = previous == 0 ? mean : previous;
      double next = from + step * random.nextGaussian() + (mean - from) * 0.05;
      return Math.max(0, Math.round(next / quantum) * quantum);
    };
  }

  /** A gauge read as an integer of thousandths, as hwmon's millidegrees and millivolts are. */
  private static Motion milli(double mean, double step) {
    return (previous, random) -> {
      double from = previous == 0 ? mean : previous;
      long milli = Math.round((from + step * random.nextGaussian() + (mean - from) * 0.1) * 1000);
      return milli / 1000.0;
    };
  }

  private static Motion constant(double value) {
    return (previous, random) -> value;
  }

  private void cpu(int cpus) {
    Metric seconds =
        Metric.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.");
    String[] modes = {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"};
    double[] shares = {0.7, 0.01, 0, 0, 0.005, 0, 0.05, 0.2};
    for (int cpu = 0; cpu < cpus; cpu++) {
      for (int m = 0; m < modes.length; m++) {
        // OSHI reads USER_HZ ticks as milliseconds: seconds in hundredths.
        Motion motion = shares[m] == 0 ? rare(0.01) : counter(shares[m], 0.5, 100);
        add(seconds, motion, "cpu", Integer.toString(cpu), "mode", modes[m]);
      }
      add(
          Metric.gauge("node_cpu_frequency_hertz", "CPU frequency."),
          gauge(2.4e9, 2e8, 1e6),
          "cpu",
          Integer.toString(cpu));
    }
    for (String load : new String[] {"node_load1", "node_load5", "node_load15"}) {
      add(Metric.gauge(load, "Load average."), gauge(1.5, 0.2, 0.01));
    }
    add(Metric.counter("node_context_switches_total", "Context switches."), counter(8000, 0.3, 1));
    add(Metric.counter("node_intr_total", "Interrupts."), counter(5000, 0.3, 1));
    add(Metric.gauge("node_procs_running", "Running."), gauge(3, 2, 1));
    add(Metric.gauge("node_procs_blocked", "Blocked."), gauge(0.2, 0.3, 1));
  }

  private void memory() {
    String[] gauges = {
      "MemFree",
      "MemAvailable",
      "Buffers",
      "Cached",
      "SwapFree",
      "Active",
      "Inactive",
      "Dirty",
      "Slab",
      "Shmem"
    };
    for (String name : gauges) {
      add(Metric.gauge("node_memory_" + name + "_bytes", "Memory."), gauge(4e9, 8e6, 4096));
    }
    add(Metric.gauge("node_memory_MemTotal_bytes", "Memory."), constant(32L << 30));
    add(Metric.gauge("node_memory_SwapTotal_bytes", "Memory."), constant(8L << 30));
  }

  private void filesystems(int count) {
    for (int i = 0; i < count; i++) {
      String[] labels = {"device", "/dev/sda" + i, "mountpoint", "/mnt/" + i, "fstype", "ext4"};
      add(Metric.gauge("node_filesystem_size_bytes", "Size."), constant(500L << 30), labels);
      Motion used = i < 3 ? gauge(200e9, 2e6, 4096) : constant(100e9);
      add(Metric.gauge("node_filesystem_free_bytes", "Free."), used, labels);
      add(Metric.gauge("node_filesystem_avail_bytes", "Avail."), used, labels);
      add(Metric.gauge("node_filesystem_files", "Files."), constant(3e7), labels);
      add(
          Metric.gauge("node_filesystem_files_free", "Files free."),
          i < 3 ? gauge(2e7, 20, 1) : constant(2.9e7),
          labels);
    }
  }

  private void disks(int count) {
    for (int i = 0; i < count; i++) {
      String device = "sd" + (char) ('a' + i);
      boolean busy = i < 2;
      add(
          Metric.counter("node_disk_reads_completed_total", "Reads."),
          busy ? counter(40, 0.6, 1) : rare(0.05),
          "device",
          device);
      add(
          Metric.counter("node_disk_writes_completed_total", "Writes."),
          busy ? counter(60, 0.6, 1) : rare(0.05),
          "device",
          device);
      add(
          Metric.counter("node_disk_read_bytes_total", "Read bytes."),
          busy ? counter(2e6, 0.8, 1.0 / 512) : rare(0.05),
          "device",
          device);
      add(
          Metric.counter("node_disk_written_bytes_total", "Written bytes."),
          busy ? counter(3e6, 0.8, 1.0 / 512) : rare(0.05),
          "device",
          device);
      add(
          Metric.counter("node_disk_io_time_seconds_total", "IO time."),
          busy ? counter(0.05, 0.5, 1000) : rare(0.05),
          "device",
          device);
      add(
          Metric.gauge("node_disk_io_now", "IOs in progress."),
          gauge(0.3, 0.5, 1),
          "device",
          device);
      add(
          Metric.gauge("node_disk_info", "Disk info."),
          constant(1),
          "device",
          device,
          "model",
          "X",
          "serial",
          "S" + i);
    }
  }

  private void network(int interfaces, int active) {
    String[] counters = {
      "receive_bytes",
      "transmit_bytes",
      "receive_packets",
      "transmit_packets",
      "receive_errs",
      "transmit_errs",
      "receive_drop"
    };
    double[] rates = {5e5, 2e5, 400, 300, 0, 0, 0};
    for (int i = 0; i < interfaces; i++) {
      String device = i < active ? "eth" + i : "veth" + i;
      for (int c = 0; c < counters.length; c++) {
        Motion motion =
            i < active && rates[c] > 0 ? counter(rates[c] / (i + 1), 0.7, 1) : rare(0.002);
        add(
            Metric.counter("node_network_" + counters[c] + "_total", "Network."),
            motion,
            "device",
            device);
      }
      add(Metric.gauge("node_network_up", "Up."), constant(1), "device", device);
      add(Metric.gauge("node_network_mtu_bytes", "MTU."), constant(1500), "device", device);
      add(Metric.gauge("node_network_speed_bytes", "Speed."), constant(1.25e8), "device", device);
      add(
          Metric.gauge("node_network_info", "Info."),
          constant(1),
          "device",
          device,
          "address",
          "00:00:00:00:00:0" + i,
          "operstate",
          "up");
    }
  }

  private void sensors(int temperatures, int fans, int voltages) {
    for (int i = 0; i < temperatures; i++) {
      String[] labels = {"chip", "platform_coretemp_0", "sensor", "temp" + i};
      add(Metric.gauge("node_hwmon_temp_celsius", "Temperature."), milli(48, 1.5), labels);
      add(Metric.gauge("node_hwmon_temp_crit_celsius", "Critical."), constant(100), labels);
    }
    for (int i = 0; i < fans; i++) {
      add(
          Metric.gauge("node_hwmon_fan_rpm", "Fan."),
          gauge(1200, 25, 1),
          "chip",
          "platform_nct6775_656",
          "sensor",
          "fan" + i);
    }
    for (int i = 0; i < voltages; i++) {
      add(
          Metric.gauge("node_hwmon_in_volts", "Voltage."),
          milli(1.2, 0.004),
          "chip",
          "platform_nct6775_656",
          "sensor",
          "in" + i);
    }
    add(
        Metric.gauge("node_hwmon_chip_names", "Chips."),
        constant(1),
        "chip",
        "platform_coretemp_0",
        "chip_name",
        "coretemp");
  }

  private void identity() {
    add(
        Metric.gauge("node_uname_info", "Uname."),
        constant(1),
        "sysname",
        "Linux",
        "release",
        "6.1.0");
    add(Metric.gauge("node_os_info", "OS."), constant(1), "id", "debian", "version_id", "12");
    add(Metric.gauge("node_dmi_info", "DMI."), constant(1), "product_name", "Server");
    add(Metric.gauge("node_boot_time_seconds", "Boot."), constant(1.7e9));
    add(Metric.gauge("node_time_seconds", "Time."), counter(1, 0.0001, 1000));
    add(Metric.gauge("vigil_processes", "Processes."), gauge(300, 3, 1));
    add(Metric.gauge("vigil_threads", "Threads."), gauge(1200, 10, 1));
    add(Metric.gauge("vigil_sessions", "Sessions."), gauge(2, 0.1, 1));
    add(Metric.gauge("vigil_updates_pending", "Pending."), rare(0.001), "class", "security");
    add(Metric.gauge("vigil_updates_pending", "Pending."), rare(0.001), "class", "other");
    add(Metric.gauge("node_reboot_required", "Reboot."), constant(0));
  }

  private void selfMetrics(int collectors) {
    for (int i = 0; i < collectors; i++) {
      String name = "collector" + i;
      add(
          Metric.gauge("vigil_agent_collector_success", "Success."),
          constant(1),
          "collector",
          name);
      // System.nanoTime() differences divided by 1e9, as CollectorRunner measures them.
      add(
          Metric.gauge("vigil_agent_collector_duration_seconds", "Duration."),
          (previous, random) -> (long) (1e6 + 3e5 * random.nextGaussian()) / 1e9,
          "collector",
          name);
    }
  }

  private void padWithIdleCounters(int total) {
    for (int i = 0; series.size() < total; i++) {
      add(
          Metric.counter("node_vmstat_idle_total", "Idle counters."),
          rare(0.01),
          "n",
          Integer.toString(i));
    }
  }
}
