package dev.vigil.agent.collector.system;

import java.util.Locale;
import java.util.Map;

/** The six fields of {@code node_uname_info}, and how to derive them from each platform. */
record Uname(
    String sysname,
    String release,
    String version,
    String machine,
    String nodename,
    String domainname) {

  /** Files under {@code <proc>/sys/kernel} that hold what uname(2) returns on Linux. */
  static final String[] KERNEL_FILES = {"ostype", "osrelease", "version", "hostname", "domainname"};

  /**
   * Builds the Linux fields from the contents of {@link #KERNEL_FILES}, keyed by file name; the
   * kernel does not expose the machine there, so it comes from the JVM's architecture.
   */
  static Uname fromKernelFiles(Map<String, String> contents, String osArch) {
    return new Uname(
        field(contents, "ostype"),
        field(contents, "osrelease"),
        field(contents, "version"),
        machine(osArch),
        field(contents, "hostname"),
        field(contents, "domainname"));
  }

  /** Maps a Java {@code os.arch} to the name uname reports for the same machine. */
  static String machine(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "x86", "i386" -> "i686";
      case "arm64" -> "aarch64";
      default -> osArch;
    };
  }

  private static String field(Map<String, String> contents, String file) {
    String value = contents.get(file);
    if (value == null) {
      throw new IllegalArgumentException("missing kernel field " + file);
    }
    return value.strip();
  }
}
