package dev.vigil.collector.rules.eval;

import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesRejectedException;
import dev.vigil.collector.store.SeriesStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A few hosts' worth of recorded series, generated from a fixed seed: CPU counters with resets and
 * gaps, memory, filesystems, temperatures, a battery, patch metrics and collector success, with
 * each host's values chosen so that most default rules hold on some host.
 *
 * <p>Series k first has a sample at step k + 1 (none at time 0, which a slot cannot hold). promtool
 * appends samples one evaluation step at a time, so it creates the series in this order too, and
 * the order in which Prometheus sums and averages a group is the order Vigil uses: the hosts'
 * definition order.
 */
final class RecordedFleet {
  static final long STEP_MILLIS = 15_000;

  final int steps;
  final List<String> hosts = List.of("pc-a", "pc-b", "srv-c");
  final List<RecordedSeries> series = new ArrayList<>();
  private final Random random = new Random(42);

  RecordedFleet(int steps) {
    this.steps = steps;
    for (int h = 0; h < hosts.size(); h++) {
      host(h, hosts.get(h));
    }
    // At 39m45s this sample is exactly 5 minutes old: the lookback's edge.
    pauseAfter("pc-b", "node_memory_MemAvailable_bytes", 139, 30);
  }

  /**
   * Adds a series with no samples yet, for a test that needs a shape of its own. It is created in
   * promtool at its first sample, after the generated ones: keep it out of aggregations whose order
   * matters.
   */
  RecordedSeries shaped(String host, String metric, String... labels) {
    add(host, metric, labels);
    return series.get(series.size() - 1);
  }

  /**
   * Each host in {@code store}, connected (a {@link TestHost} is its stream), with every series
   * defined in order; each series learns its slot.
   */
  Map<String, TestHost> load(SeriesStore store) throws SeriesRejectedException {
    Map<String, TestHost> loaded = new LinkedHashMap<>();
    for (String name : hosts) {
      TestHost h = new TestHost(store, name);
      h.host.claim(h, HostIdentity.UNKNOWN, 0);
      loaded.put(name, h);
    }
    for (RecordedSeries s : series) {
      MetricFamily.Type type =
          s.metric.endsWith("_total") ? MetricFamily.Type.COUNTER : MetricFamily.Type.GAUGE;
      s.slot = loaded.get(s.instance).host.define(s.metric, type, "", s.labels);
    }
    return loaded;
  }

  /** Writes the samples of {@code step} into the hosts' slots, as a batch would. */
  void write(int step, Map<String, TestHost> loaded) {
    long t = step * STEP_MILLIS;
    for (RecordedSeries s : series) {
      if (s.present[step]) {
        loaded.get(s.instance).set(s.slot, s.values[step], t);
      }
    }
  }

  /** Appends every series as a promtool {@code input_series} entry. */
  void appendInputSeries(StringBuilder out) {
    for (RecordedSeries s : series) {
      s.appendInputSeries(out);
    }
  }

  /** Makes the series' sample at {@code step} its last for {@code steps} steps. */
  private void pauseAfter(String host, String metric, int step, int steps) {
    for (RecordedSeries s : series) {
      if (s.instance.equals(host) && s.metric.equals(metric)) {
        s.set(step, s.values[step - 1] + 1);
        for (int gap = step + 1; gap <= step + steps; gap++) {
          s.present[gap] = false;
        }
      }
    }
  }

  private void host(int h, String name) {
    for (int cpu = 0; cpu < 4; cpu++) {
      for (String mode : List.of("idle", "system", "user")) {
        counter(
            name,
            "node_cpu_seconds_total",
            h == 0 && mode.equals("idle") ? 0.25 : 4,
            "cpu",
            "" + cpu,
            "mode",
            mode);
      }
    }
    double total = 16L << 30;
    gauge(name, "node_memory_MemTotal_bytes", total);
    gauge(name, "node_memory_MemAvailable_bytes", h == 1 ? total / 32 : total / 3);
    filesystem(name, "/", h == 2 ? 1 / 16.0 : 0.5);
    filesystem(name, "/home", 0.125);
    filesystem(name, "/run", 0.875);
    for (int sensor = 1; sensor <= 3; sensor++) {
      gauge(
          name,
          "node_hwmon_temp_celsius",
          h == 1 && sensor == 2 ? 92.5 : 40 + 10 * sensor,
          "chip",
          "coretemp",
          "sensor",
          "temp" + sensor);
    }
    gauge(name, "vigil_battery_health_ratio", h == 0 ? 0.5 : 0.875, "power_supply", "BAT0");
    gauge(name, "vigil_updates_pending", h == 2 ? 0 : 3, "class", "security");
    gauge(name, "vigil_updates_pending", 7, "class", "other");
    gauge(
        name, "vigil_updates_oldest_pending_security_timestamp_seconds", h == 0 ? -20 * 86400 : 0);
    gauge(name, "vigil_updates_last_install_timestamp_seconds", -4.0 * 86400 * h);
    gauge(name, "node_reboot_required", h == 0 ? 0 : 1);
    gauge(name, "vigil_patch_scan_success", h == 1 ? 0 : 1);
    for (String collector : List.of("cpu", "filesystem", "patches", "sensors")) {
      gauge(
          name,
          "vigil_agent_collector_success",
          h == 2 && collector.equals("sensors") ? 0 : 1,
          "collector",
          collector);
    }
    gauge(name, "node_boot_time_seconds", -3600.0 * (h + 1));
  }

  private void filesystem(String host, String mountpoint, double availRatio) {
    String[] labels = {
      "device", "/dev/sda" + series.size(), "fstype", "ext4", "mountpoint", mountpoint
    };
    double size = 256L << 30;
    gauge(host, "node_filesystem_avail_bytes", size * availRatio, labels);
    gauge(host, "node_filesystem_size_bytes", size, labels);
  }

  /**
   * A gauge around {@code level}, now and then a little off it, missing a sample now and then; one
   * in four also misses samples for longer than the lookback once.
   */
  private void gauge(String host, String metric, double level, String... labels) {
    int first = add(host, metric, labels);
    RecordedSeries s = series.get(first - 1);
    int outage = random.nextInt(4) == 0 ? first + random.nextInt(steps - first) : steps;
    for (int step = first; step < steps; step++) {
      boolean missing = random.nextInt(20) == 0 || (step >= outage && step < outage + 22);
      if (!missing) {
        s.set(step, random.nextInt(4) == 0 ? level + random.nextInt(3) - 1 : level);
      }
    }
  }

  /**
   * A counter rising by about {@code perStep} each step, reset to near zero once, with a few
   * missing samples and one outage of several minutes.
   */
  private void counter(String host, String metric, double perStep, String... labels) {
    int first = add(host, metric, labels);
    RecordedSeries s = series.get(first - 1);
    int reset = first + random.nextInt(steps - first);
    int outage = first + random.nextInt(steps - first);
    double value = 1000 * random.nextInt(50);
    for (int step = first; step < steps; step++) {
      value = step == reset ? random.nextInt(4) * 0.25 : value + perStep * random.nextInt(8) / 4;
      boolean missing = random.nextInt(25) == 0 || (step >= outage && step < outage + 22);
      if (!missing) {
        s.set(step, value);
      }
    }
  }

  /** Adds a series; returns the step of its first sample. */
  private int add(String host, String metric, String[] labels) {
    series.add(new RecordedSeries(metric, host, labels, steps));
    return series.size();
  }
}
