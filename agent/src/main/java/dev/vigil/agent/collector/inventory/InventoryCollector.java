package dev.vigil.agent.collector.inventory;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.hardware.ComputerSystem;
import oshi.software.os.OperatingSystem;
import oshi.util.PlatformEnum;

/**
 * Reports {@code node_dmi_info} from OSHI and {@code node_os_info} from os-release on Linux (from
 * OSHI elsewhere). A Linux host without os-release reports no {@code node_os_info} and says so once
 * in the log.
 */
public final class InventoryCollector implements Collector {
  static final Metric DMI_INFO =
      Metric.gauge(
          "node_dmi_info",
          "A metric with a constant '1' value labeled by bios_date, bios_vendor, bios_version,"
              + " board_name, board_vendor, product_name, product_serial and system_vendor.");
  static final Metric OS_INFO =
      Metric.gauge(
          "node_os_info",
          "A metric with a constant '1' value labeled by id, name, pretty_name, version and"
              + " version_id from os-release.");

  /** Where os-release(5) may be, in the order it says to look, relative to the root. */
  static final List<String> OS_RELEASE_FILES = List.of("etc/os-release", "usr/lib/os-release");

  private static final Logger LOG = LoggerFactory.getLogger(InventoryCollector.class);

  private final ComputerSystem computerSystem;
  private final OperatingSystem os;
  private final Path root;
  private boolean missingOsReleaseLogged;

  /** Reads the inventory of {@code context}'s host. */
  public InventoryCollector(CollectorContext context) {
    this(context, Path.of("/"));
  }

  /** Reads os-release below {@code root} on Linux, so tests and containers can point elsewhere. */
  InventoryCollector(CollectorContext context, Path root) {
    this.computerSystem = context.systemInfo().getHardware().getComputerSystem();
    this.os = context.systemInfo().getOperatingSystem();
    this.root = context.platform() == PlatformEnum.LINUX ? root : null;
  }

  @Override
  public String name() {
    return "inventory";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    sink.add(DMI_INFO, 1, DmiInfo.of(computerSystem).labels());
    OsRelease release = root != null ? readOsRelease() : OsRelease.fromOshi(os);
    if (release != null) {
      sink.add(OS_INFO, 1, release.labels());
    }
  }

  /** The first os-release that exists, or null (logged once) when there is none. */
  private OsRelease readOsRelease() throws IOException {
    for (String name : OS_RELEASE_FILES) {
      Path file = root.resolve(name);
      if (Files.isRegularFile(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return OsRelease.fromFields(OsReleaseParser.parse(text));
      }
    }
    if (!missingOsReleaseLogged) {
      missingOsReleaseLogged = true;
      LOG.warn("no os-release under {}: node_os_info is not reported", root);
    }
    return null;
  }
}
