package dev.vigil.agent.collector.filesystem;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import oshi.util.PlatformEnum;

/**
 * Reports size, free and available bytes of each local filesystem: on Linux from {@code
 * /proc/mounts} and statvfs as node_exporter reads them, elsewhere through OSHI.
 */
public final class FilesystemCollector implements Collector {
  static final Metric SIZE =
      Metric.gauge("node_filesystem_size_bytes", "Filesystem size in bytes.");
  static final Metric FREE =
      Metric.gauge("node_filesystem_free_bytes", "Filesystem free space in bytes.");
  static final Metric AVAIL =
      Metric.gauge(
          "node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.");

  private final FilesystemReader reader;

  /** Reads the filesystems of {@code context}'s host. */
  public FilesystemCollector(CollectorContext context) {
    this.reader =
        context.platform() == PlatformEnum.LINUX
            ? new LinuxFilesystemReader(context.procRoot())
            : new OshiFilesystemReader(context.systemInfo().getOperatingSystem().getFileSystem());
  }

  @Override
  public String name() {
    return "filesystem";
  }

  @Override
  public void collect(MetricSink sink) throws IOException {
    // A mountpoint mounted over keeps only its first entry, so no series appears twice.
    Set<String> seenMountpoints = new HashSet<>();
    for (FilesystemReading fs : reader.read()) {
      if (FilesystemFilter.accepts(fs.fstype(), fs.mountpoint())
          && seenMountpoints.add(fs.mountpoint())) {
        emit(fs, sink);
      }
    }
  }

  private static void emit(FilesystemReading fs, MetricSink sink) {
    String[] labels = {"device", fs.device(), "mountpoint", fs.mountpoint(), "fstype", fs.fstype()};
    sink.add(SIZE, fs.size(), labels);
    sink.add(FREE, fs.free(), labels);
    sink.add(AVAIL, fs.avail(), labels);
  }
}
