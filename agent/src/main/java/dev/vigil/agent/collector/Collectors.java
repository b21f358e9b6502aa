package dev.vigil.agent.collector;

import static dev.vigil.agent.collector.Tier.DAY;
import static dev.vigil.agent.collector.Tier.MINUTE;
import static dev.vigil.agent.collector.Tier.TICK;

import dev.vigil.agent.collector.cpu.CpuCollector;
import dev.vigil.agent.collector.disk.DiskCollector;
import dev.vigil.agent.collector.filesystem.FilesystemCollector;
import dev.vigil.agent.collector.inventory.InventoryCollector;
import dev.vigil.agent.collector.load.LoadCollector;
import dev.vigil.agent.collector.memory.MemoryCollector;
import dev.vigil.agent.collector.network.NetworkCollector;
import dev.vigil.agent.collector.patch.PatchCollector;
import dev.vigil.agent.collector.power.PowerCollector;
import dev.vigil.agent.collector.processes.ProcessesCollector;
import dev.vigil.agent.collector.sensors.SensorsCollector;
import dev.vigil.agent.collector.sessions.SessionsCollector;
import dev.vigil.agent.collector.system.SystemCollector;
import java.util.List;

/** The one registry of collectors, each with the tier it runs in. */
public final class Collectors {

  /** A registered collector: its tier and how to create it. */
  public record Entry(Tier tier, CollectorFactory factory) {}

  /**
   * Every collector, in the order their families appear in the output. Counters run every tick;
   * file systems (a hung network mount), sensors and power supplies (slow ACPI and WMI reads) and
   * login sessions (OSHI runs {@code who} as a child process on a Linux host without logind or utmp
   * sessions, a server nobody is logged in to) every minute; inventory daily. Patch runs every tick
   * because it only reports what its own scanner thread found, plus the live reboot-required
   * signal.
   */
  public static final List<Entry> ALL =
      List.of(
          new Entry(TICK, CpuCollector::new),
          new Entry(TICK, LoadCollector::new),
          new Entry(TICK, MemoryCollector::new),
          new Entry(MINUTE, FilesystemCollector::new),
          new Entry(TICK, DiskCollector::new),
          new Entry(TICK, NetworkCollector::new),
          new Entry(MINUTE, PowerCollector::new),
          new Entry(MINUTE, SensorsCollector::new),
          new Entry(TICK, SystemCollector::new),
          new Entry(TICK, ProcessesCollector::new),
          new Entry(MINUTE, SessionsCollector::new),
          new Entry(DAY, InventoryCollector::new),
          new Entry(TICK, PatchCollector::new));

  private Collectors() {}

  /** Instantiates every registered collector for {@code context}, in registry order. */
  public static List<Collector> create(CollectorContext context) {
    return ALL.stream().map(entry -> entry.factory().create(context)).toList();
  }

  /** Instantiates every registered collector for {@code context}, each with its tier. */
  public static List<TieredCollector> createTiered(CollectorContext context) {
    return ALL.stream()
        .map(entry -> new TieredCollector(entry.tier(), entry.factory().create(context)))
        .toList();
  }
}
