package dev.vigil.agent.collector.patch;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/** Picks the package manager to scan from the executables found on the PATH. */
final class PatchSourceChooser {

  /** The package managers Vigil can scan. */
  enum Kind {
    APT("apt-get");

    final String executable;

    Kind(String executable) {
      this.executable = executable;
    }
  }

  private PatchSourceChooser() {}

  /**
   * The first supported package manager whose executable is in a folder of {@code pathVariable}
   * (the PATH, folders split by the platform's separator), empty when there is none.
   */
  static Optional<Kind> choose(String pathVariable, Predicate<Path> isExecutable) {
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
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
