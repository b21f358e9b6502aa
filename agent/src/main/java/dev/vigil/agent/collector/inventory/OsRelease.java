package dev.vigil.agent.collector.inventory;

import java.util.Locale;
import java.util.Map;
import oshi.software.os.OperatingSystem;

/** The labels of {@code node_os_info}: the os-release fields node_exporter copies. */
record OsRelease(String id, String name, String prettyName, String version, String versionId) {

  /** Picks the fields from parsed os-release text; a field the file lacks is empty. */
  static OsRelease fromFields(Map<String, String> fields) {
    return new OsRelease(
        fields.getOrDefault("ID", ""),
        fields.getOrDefault("NAME", ""),
        fields.getOrDefault("PRETTY_NAME", ""),
        fields.getOrDefault("VERSION", ""),
        fields.getOrDefault("VERSION_ID", ""));
  }

  /**
   * Windows and macOS have no os-release; OSHI's family and version info fill the same fields, e.g.
   * id {@code windows}, name {@code Windows}, version {@code 11}, version_id the build.
   */
  static OsRelease fromOshi(OperatingSystem os) {
    OperatingSystem.OSVersionInfo info = os.getVersionInfo();
    String family = orEmpty(os.getFamily());
    return new OsRelease(
        family.toLowerCase(Locale.ROOT).replace(" ", ""),
        family,
        os.toString(),
        orEmpty(info.getVersion()),
        orEmpty(info.getBuildNumber()));
  }

  /** The label pairs, in node_exporter's names. */
  String[] labels() {
    return new String[] {
      "id", id,
      "name", name,
      "pretty_name", prettyName,
      "version", version,
      "version_id", versionId
    };
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
