package dev.vigil.agent.collector.patch;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import oshi.util.PlatformEnum;

/** Picks the package manager to scan: Windows Update on Windows, else the first on the PATH. */
final class PatchSourceChooser {

  /** The package managers Vigil can scan. */
  enum Kind {
    APT("apt-get"),
    DNF("dnf"),
    YUM("yum"),
    ZYPPER("zypper"),
    WINDOWS_UPDATE("");

    /** The executable that shows the package manager is installed; empty for Windows Update. */
    final String executable;

    Kind(String executable) {
      this.executable = executable;
    }
  }

  /**
   * Looked for in this order. dnf comes before yum because Fedora and RHEL 8+ keep a yum that is
   * dnf under another name.
   */
  static final List<Kind> ON_PATH = List.of(Kind.APT, Kind.DNF, Kind.YUM, Kind.ZYPPER);

  private PatchSourceChooser() {}

  /**
   * Windows Update on Windows (every Windows has it); elsewhere {@link #choose(String, Predicate)}.
   */
  static Optional<Kind> choose(
      PlatformEnum platform, String pathVariable, Predicate<Path> isExecutable) {
    if (platform == PlatformEnum.WINDOWS) {
      return Optional.of(Kind.WINDOWS_UPDATE);
    }
    return choose(pathVariable, isExecutable);
  }

  /**
   * The first supported package manager whose executable is in a folder of {@code pathVariable}
   * (the PATH, folders split by the platform's separator), empty when there is none.
   */
  static Optional<Kind> choose(String pathVariable, Predicate<Path> isExecutable) {
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (Kind kind : ON_PATH) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        Path candidate = resolve(dir, kind.executable);
        if (candidate != null && isExecutable.test(candidate)) {
          return Optional.of(kind);
        }
      }
    }
    return Optional.empty();
  }

  /** The executable's path in {@code dir}, or null for an empty or malformed PATH entry. */
  private static Path resolve(String dir, String executable) {
    if (dir.isEmpty()) {
      return null;
    }
    try {
      return Path.of(dir, executable);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
