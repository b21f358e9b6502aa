package dev.vigil.collector.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.SeriesRejectedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that observe + evaluate of the default rule pack allocates nothing once warmed up, on a
 * host with a laptop's catalog, by counting the bytes this thread allocates (as {@code
 * HotPathAllocationTest} does for decode + apply).
 */
class EvaluationAllocationTest {
  private static final Path PACK = Path.of("../deploy/rules/vigil-default.yml");
  private static final int CPUS = 8;
  private static final List<String> MODES =
      List.of("idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user");
  private static final List<String> COLLECTORS =
      List.of(
          "cpu",
          "memory",
          "filesystem",
          "disk",
          "network",
          "sensors",
          "power",
          "system",
          "inventory",
          "patches");
  private static final long TICK_MILLIS = 15_000;
  private static final int WARMUP = 20_000;
  private static final int MEASURED = 10_000;

  /**
   * Slack for a stray JVM-internal allocation (a deoptimisation, a lazily created thread-local),
   * not for our code: one object per tick would already cost over 100 KB.
   */
  private static final long ALLOWANCE_BYTES = 4 * 1024;

  private final TestHost h = new TestHost("laptop-17");
  private final List<Integer> cpuSlots = new ArrayList<>();
  private final List<Integer> gaugeSlots = new ArrayList<>();
  private final List<Double> gaugeValues = new ArrayList<>();

  @Test
  void shouldObserveAndEvaluateTheDefaultPackWithoutAllocating() throws Exception {
    List<Rule> rules = defaultPack();
    defineLaptop();
    h.host.claim(this, HostIdentity.UNKNOWN, 0);
    CompiledHostProgram program = new HostCompiler(h.store).compile(rules, h.host, null);
    assertEquals(List.of(), program.problems());
    int[] slots = cpuSlots.stream().mapToInt(Integer::intValue).toArray();
    int[] gauges = gaugeSlots.stream().mapToInt(Integer::intValue).toArray();
    double[] levels = gaugeValues.stream().mapToDouble(Double::doubleValue).toArray();

    long t = run(program, rules.size(), slots, gauges, levels, 1_700_000_000_000L, WARMUP);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    t = run(program, rules.size(), slots, gauges, levels, t, MEASURED);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertTrue(
        allocated <= ALLOWANCE_BYTES,
        allocated + " bytes allocated over " + MEASURED + " ticks of " + rules.size() + " rules");
    assertEquals(
        List.of(
            "HostCpuBusy",
            "FilesystemNearlyFull",
            "SecurityUpdatesPending",
            "AgentCollectorFailing"),
        firing(program, rules, t));
  }

  private long run(
      CompiledHostProgram program,
      int rules,
      int[] cpu,
      int[] gauges,
      double[] levels,
      long from,
      int ticks) {
    double[] values = h.host.slots().values();
    long[] updated = h.host.slots().updatedAtMillis();
    long t = from;
    for (int tick = 0; tick < ticks; tick++) {
      t += TICK_MILLIS;
      for (int i = 0; i < cpu.length; i++) {
        // Idle grows by 0.3 s per 15 s: the CPUs are 98% busy.
        values[cpu[i]] += i % MODES.size() == 0 ? 0.3 : 2.0;
        updated[cpu[i]] = t;
      }
      for (int i = 0; i < gauges.length; i++) {
        values[gauges[i]] = levels[i];
        updated[gauges[i]] = t;
      }
      program.observe();
      for (int r = 0; r < rules; r++) {
        program.expr(r).evaluate(t);
        HostVector keep = program.keepFiringWhile(r);
        if (keep != null) {
          keep.evaluate(t);
        }
      }
    }
    return t;
  }

  private static List<String> firing(CompiledHostProgram program, List<Rule> rules, long t) {
    List<String> firing = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      HostVector expr = program.expr(r);
      expr.evaluate(t);
      for (int i = 0; i < expr.size(); i++) {
        if (expr.present(i) && !firing.contains(rules.get(r).name())) {
          firing.add(rules.get(r).name());
        }
      }
    }
    return firing;
  }

  private void defineLaptop() throws SeriesRejectedException {
    for (int cpu = 0; cpu < CPUS; cpu++) {
      for (String mode : MODES) {
        cpuSlots.add(h.counter("node_cpu_seconds_total", "cpu", "" + cpu, "mode", mode));
      }
    }
    gauge(16e9, "node_memory_MemTotal_bytes");
    gauge(6e9, "node_memory_MemAvailable_bytes");
    gauge(8e9, "node_memory_SwapTotal_bytes");
    gauge(0.9, "node_load1");
    filesystem("/", "/dev/nvme0n1p2", "ext4", 500e9, 20e9);
    filesystem("/boot/efi", "/dev/nvme0n1p1", "vfat", 512e6, 400e6);
    filesystem("/run", "tmpfs", "tmpfs", 1.6e9, 1.5e9);
    for (int sensor = 1; sensor <= 6; sensor++) {
      gauge(
          45 + sensor,
          "node_hwmon_temp_celsius",
          "chip",
          "platform_coretemp_0",
          "sensor",
          "temp" + sensor);
    }
    gauge(0.82, "vigil_battery_health_ratio", "power_supply", "BAT0");
    gauge(2, "vigil_updates_pending", "class", "security");
    gauge(11, "vigil_updates_pending", "class", "other");
    gauge(1.6999e9, "vigil_updates_oldest_pending_security_timestamp_seconds");
    gauge(1.6995e9, "vigil_updates_last_install_timestamp_seconds");
    gauge(0, "node_reboot_required");
    gauge(1, "vigil_patch_scan_success");
    for (String collector : COLLECTORS) {
      gauge(
          collector.equals("sensors") ? 0 : 1,
          "vigil_agent_collector_success",
          "collector",
          collector);
    }
  }

  private void filesystem(
      String mountpoint, String device, String fstype, double size, double avail)
      throws SeriesRejectedException {
    String[] labels = {"device", device, "fstype", fstype, "mountpoint", mountpoint};
    gauge(size, "node_filesystem_size_bytes", labels);
    gauge(avail, "node_filesystem_avail_bytes", labels);
    gauge(avail * 1.05, "node_filesystem_free_bytes", labels);
  }

  private void gauge(double value, String metric, String... labels) throws SeriesRejectedException {
    gaugeSlots.add(h.gauge(metric, labels));
    gaugeValues.add(value);
  }

  private static List<Rule> defaultPack() throws Exception {
    try (RuleReloader reloader =
        RuleReloader.load(List.of(PACK), new SimpleMeterRegistry(), System::currentTimeMillis)) {
      return reloader.rules().current().rules();
    }
  }
}
