package dev.vigil.agent.collector.disk;

/**
 * Reads properties out of a udev database entry, {@code /run/udev/data/b<major>:<minor>}, whose
 * property lines read {@code E:ID_MODEL=Samsung_SSD_980}: what libudev (and so OSHI) and
 * node_exporter both take a disk's model and serial from.
 */
final class UdevDataParser {
  private UdevDataParser() {}

  /** The value of property {@code key}, or null when the entry does not have it. */
  static String property(String udevData, String key) {
    String prefix = "E:" + key + "=";
    int from = 0;
    while (from < udevData.length()) {
      int end = udevData.indexOf('\n', from);
      if (end < 0) {
        end = udevData.length();
      }
      if (udevData.startsWith(prefix, from)) {
        return udevData.substring(from + prefix.length(), end);
      }
      from = end + 1;
    }
    return null;
  }
}
