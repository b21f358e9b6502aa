package dev.vigil.agent.collector;

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

/** The one registry of collectors run on every tick. */
public final class Collectors {

  /** Every collector, in the order their families appear in the output. */
  public static final List<CollectorFactory> ALL =
      List.of(
          CpuCollector::new,
          LoadCollector::new,
          MemoryCollector::new,
          FilesystemCollector::new,
          DiskCollector::new,
          NetworkCollector::new,
          PowerCollector::new,
          SensorsCollector::new,
          SystemCollector::new,
          ProcessesCollector::new,
          SessionsCollector::new,
          InventoryCollector::new,
          PatchCollector::new);

  private Collectors() {}

  /** Instantiates every registered collector for {@code context}. */
  public static List<Collector> create(CollectorContext context) {
    return ALL.stream().map(factory -> factory.create(context)).toList();
  }
}
