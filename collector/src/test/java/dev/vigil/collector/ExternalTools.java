package dev.vigil.collector;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real programs end-to-end tests run. A missing one fails the test with the command that
 * installs it: a skipped end-to-end test would report success without having checked anything.
 */
public final class ExternalTools {
  private ExternalTools() {}

  /**
   * The absolute path of {@code name} on the PATH, or an AssertionError saying to install the
   * Debian package {@code debianPackage}.
   */
  public static String require(String name, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        name + " is not installed; install it with: apt-get install -y " + debianPackage);
  }
}
