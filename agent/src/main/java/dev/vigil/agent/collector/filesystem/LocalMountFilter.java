package dev.vigil.agent.collector.filesystem;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mounts OSHI's {@code getFileStores(true)} listed on Linux (its default configuration), kept
 * when the agent began reading {@code /proc/mounts} itself so that no series appears or vanishes:
 * no network filesystems, no pseudo filesystems except on {@code /}, and nothing below {@code
 * /run}, {@code /sys} or {@code /proc}, on {@code /dev} or on a {@code .../shm}. node_exporter's
 * own exclusions ({@link FilesystemFilter}) apply on top.
 */
final class LocalMountFilter {
  static final Set<String> NETWORK_TYPES =
      Set.of(
          "afs",
          "cifs",
          "smbfs",
          "sshfs",
          "ncpfs",
          "ncp",
          "nfs",
          "nfs4",
          "gfs",
          "gds2",
          "glusterfs");
  static final Set<String> PSEUDO_TYPES =
      Set.of(
          "anon_inodefs",
          "autofs",
          "bdev",
          "binfmt_misc",
          "bpf",
          "cgroup",
          "cgroup2",
          "configfs",
          "cpuset",
          "dax",
          "debugfs",
          "devpts",
          "devtmpfs",
          "drm",
          "ecryptfs",
          "efivarfs",
          "fuse",
          "fusectl",
          "hugetlbfs",
          "inotifyfs",
          "mqueue",
          "nfsd",
          "overlay",
          "proc",
          "procfs",
          "pstore",
          "rootfs",
          "rpc_pipefs",
          "securityfs",
          "selinuxfs",
          "sunrpc",
          "sysfs",
          "systemd-1",
          "tracefs",
          "usbfs",
          "devfs",
          "ctfs",
          "fdescfs",
          "objfs",
          "mntfs",
          "sharefs",
          "lofs",
          "squashfs");

  /**
   * OSHI's globs {@code /run**}, {@code /sys**}, {@code /proc**}, {@code /dev}, {@code **}{@code
   * /shm}.
   */
  static final Pattern EXCLUDED_PATHS = Pattern.compile("^(/run.*|/sys.*|/proc.*|/dev|.*/shm)$");

  private LocalMountFilter() {}

  /** Whether {@code mount} is a local, real filesystem in OSHI's sense. */
  static boolean accepts(Mount mount) {
    if (NETWORK_TYPES.contains(mount.fstype())) {
      return false;
    }
    return mount.mountpoint().equals("/")
        || !(PSEUDO_TYPES.contains(mount.fstype())
            || EXCLUDED_PATHS.matcher(mount.mountpoint()).matches());
  }
}
