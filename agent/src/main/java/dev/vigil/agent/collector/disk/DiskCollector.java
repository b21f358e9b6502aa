package dev.vigil.agent.collector.disk;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.nio.file.Path;
import oshi.util.PlatformEnum;

/**
 * Reports node_exporter's {@code node_disk_*} I/O counters and {@code node_disk_info}: on Linux
 * from {@code /proc/diskstats} as node_exporter reads it, elsewhere through OSHI.
 */
public final class DiskCollector implements Collector {
  static final Metric READS =
      Metric.counter(
          "node_disk_reads_completed_total", "The total number of reads completed successfully.");
  static final Metric WRITES =
      Metric.counter(
          "node_disk_writes_completed_total", "The total number of writes completed successfully.");
  static final Metric READ_BYTES =
      Metric.counter("node_disk_read_bytes_total", "The total number of bytes read successfully.");
  static final Metric WRITTEN_BYTES =
      Metric.counter(
          "node_disk_written_bytes_total", "The total number of bytes written successfully.");
  static final Metric IO_TIME =
      Metric.counter("node_disk_io_time_seconds_total", "Total seconds spent doing I/Os.");
  static final Metric IO_NOW =
      Metric.gauge("node_disk_io_now", "The number of I/Os currently in progress.");
  static final Metric INFO = Metric.gauge("node_disk_info", "Info of /sys/block/<block_device>.");

  /** Where udev keeps each device's properties, model and serial among them. */
  static final Path UDEV_DATA = Path.of("/run/udev/data");

  private final DiskReader reader;

  /** Reads the disks of {@code context}'s host. */
  public DiskCollector(CollectorContext context) {
    this.reader =
        context.platform() == PlatformEnum.LINUX
            ? new LinuxDiskReader(context.procRoot(), context.sysRoot(), UDEV_DATA)
            : new OshiDiskReader(context.systemInfo().getHardware());
  }

  @Override
  public String name() {
    return "disk";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    for (DiskReading disk : reader.read()) {
      if (DiskFilter.accepts(disk.device())) {
        emit(disk, sink);
      }
    }
  }

  static void emit(DiskReading disk, MetricSink sink) {
    String device = disk.device();
    sink.add(READS, disk.reads(), "device", device);
    sink.add(WRITES, disk.writes(), "device", device);
    sink.add(READ_BYTES, disk.readBytes(), "device", device);
    sink.add(WRITTEN_BYTES, disk.writeBytes(), "device", device);
    sink.add(IO_TIME, disk.transferMillis() / 1000.0, "device", device);
    sink.add(IO_NOW, disk.queueLength(), "device", device);
    sink.add(INFO, 1, "device", device, "model", disk.model(), "serial", disk.serial());
  }
}
