package dev.vigil.agent.collector.patch;

/** Splits an rpm package's name-[epoch:]version-release.arch. */
final class Nevra {

  private Nevra() {}

  /**
   * The {@code name.arch} of {@code openssl-1:3.0.7-6.el9_2.x86_64}, that is {@code
   * openssl.x86_64}: the arch follows the last dot, and version and release are the last two
   * dash-separated parts before it (names may contain dashes, versions and releases may not).
   */
  static String nameArch(String nevra) {
    int archDot = nevra.lastIndexOf('.');
    if (archDot < 0) {
      return nevra;
    }
    String rest = nevra.substring(0, archDot);
    int releaseDash = rest.lastIndexOf('-');
    int versionDash = releaseDash > 0 ? rest.lastIndexOf('-', releaseDash - 1) : -1;
    if (versionDash <= 0) {
      return nevra;
    }
    return rest.substring(0, versionDash) + nevra.substring(archDot);
  }
}
