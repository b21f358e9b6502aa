package dev.vigil.agent.collector.filesystem;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import java.util.HashSet;
import java.util.Set;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/** Reports size, free and available bytes of each local filesystem. */
public final class FilesystemCollector implements Collector {
  static final Metric SIZE =
      Metric.gauge("node_filesystem_size_bytes", "Filesystem size in bytes.");
  static final Metric FREE =
      Metric.gauge("node_filesystem_free_bytes", "Filesystem free space in bytes.");
  static final Metric AVAIL =
      Metric.gauge(
          "node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.");

  private final FileSystem fileSystem;

  /** Reads the filesystems of {@code context}'s host. */
  public FilesystemCollector(CollectorContext context) {
    this.fileSystem = context.systemInfo().getOperatingSystem().getFileSystem();
  }

  @Override
  public String name() {
    return "filesystem";
  }

  @Override
  public void collect(MetricSink sink) {
    // A mountpoint mounted over keeps only its first entry, so no series appears twice.
    Set<String> seenMountpoints = new HashSet<>();
    for (OSFileStore store : fileSystem.getFileStores(true)) {
      String mountpoint = store.getMount();
      if (FilesystemFilter.accepts(store.getType(), mountpoint)
          && seenMountpoints.add(mountpoint)) {
        emit(store, sink);
      }
    }
  }

  private static void emit(OSFileStore store, MetricSink sink) {
    String[] labels = {
      "device", store.getVolume(), "mountpoint", store.getMount(), "fstype", store.getType()
    };
    sink.add(SIZE, store.getTotalSpace(), labels);
    sink.add(FREE, store.getFreeSpace(), labels);
    sink.add(AVAIL, store.getUsableSpace(), labels);
  }
}
