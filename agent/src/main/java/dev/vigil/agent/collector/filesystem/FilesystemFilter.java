package dev.vigil.agent.collector.filesystem;

import java.util.regex.Pattern;

/** node_exporter's default exclusions of pseudo, virtual and container-internal filesystems. */
final class FilesystemFilter {
  static final Pattern EXCLUDED_TYPES =
      Pattern.compile(
          "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs"
              + "|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs"
              + "|squashfs|erofs|sysfs|tracefs)$");
  static final Pattern EXCLUDED_MOUNTPOINTS =
      Pattern.compile(
          "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)"
              + "($|/)");

  private FilesystemFilter() {}

  /** Whether a filesystem of {@code fstype} mounted at {@code mountpoint} is reported. */
  static boolean accepts(String fstype, String mountpoint) {
    return !EXCLUDED_TYPES.matcher(fstype).matches()
        && !EXCLUDED_MOUNTPOINTS.matcher(mountpoint).find();
  }
}
