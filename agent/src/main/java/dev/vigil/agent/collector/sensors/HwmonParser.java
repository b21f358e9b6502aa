package dev.vigil.agent.collector.sensors;

import dev.vigil.agent.collector.sensors.SensorValue.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the files of one {@code /sys/class/hwmon/hwmon<N>} directory into a {@link HwmonChip}. */
final class HwmonParser {
  /** The value files read: {@code temp1_input}, {@code temp1_crit}, {@code fan1_input}, ... */
  static final Pattern VALUE_FILE = Pattern.compile("(temp|fan|in)(\\d+)_(input|crit)");

  private static final Pattern INVALID_LABEL_CHARS = Pattern.compile("[^a-z0-9:_]");
  private static final double MILLI = 1000.0;

  private HwmonParser() {}

  /** True for the file names {@link #parse} reads. */
  static boolean isValueFile(String name) {
    Matcher m = VALUE_FILE.matcher(name);
    return m.matches() && kind(m.group(1), m.group(3)) != null;
  }

  /**
   * The {@code chip} label as node_exporter derives it: the last two elements of the resolved
   * {@code device} path ({@code /sys/devices/platform/coretemp.0} → {@code platform_coretemp_0}),
   * else the {@code name} file, else the hwmon directory name; each cleaned to {@code [a-z0-9:_]}.
   *
   * @param devicePath the real path of {@code hwmon<N>/device}, or null when there is none
   * @param nameFile the contents of {@code hwmon<N>/name}, or null when there is none
   */
  static String chipLabel(String devicePath, String nameFile, String hwmonDir) {
    if (devicePath != null) {
      String[] parts = devicePath.replaceAll("/+$", "").split("/");
      String devName = parts.length > 0 ? clean(parts[parts.length - 1]) : "";
      String devType = parts.length > 1 ? clean(parts[parts.length - 2]) : "";
      if (!devType.isEmpty() && !devName.isEmpty()) {
        return devType + "_" + devName;
      }
      if (!devName.isEmpty()) {
        return devName;
      }
    }
    String name = nameFile == null ? "" : clean(nameFile);
    return name.isEmpty() ? clean(hwmonDir) : name;
  }

  /** Lower case, every character outside {@code [a-z0-9:_]} replaced by '_', '_' trimmed. */
  static String clean(String text) {
    String replaced =
        INVALID_LABEL_CHARS.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
    return replaced.replaceAll("^_+|_+$", "");
  }

  /**
   * Parses {@code files}, value file name → contents (other names are ignored), in node_exporter's
   * units: millidegrees and millivolts divided by 1000, fan RPM as they are. A file that holds no
   * integer is skipped and named in {@link HwmonChip#skipped()}.
   *
   * @param nameFile the contents of the {@code name} file, or null when there is none
   */
  static HwmonChip parse(String chip, String nameFile, Map<String, String> files) {
    List<SensorValue> values = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Matcher m = VALUE_FILE.matcher(file.getKey());
      Kind kind = m.matches() ? kind(m.group(1), m.group(3)) : null;
      if (kind == null) {
        continue;
      }
      String text = file.getValue().strip();
      try {
        double raw = Long.parseLong(text);
        double value = kind == Kind.FAN ? raw : raw / MILLI;
        values.add(new SensorValue(kind, chip, m.group(1) + m.group(2), value));
      } catch (NumberFormatException e) {
        skipped.add(file.getKey() + ": not a number: \"" + text + "\"");
      }
    }
    values.sort(
        Comparator.comparing(SensorValue::kind)
            .thenComparingInt(v -> Integer.parseInt(v.sensor().replaceAll("\\D", "")))
            .thenComparing(SensorValue::sensor));
    skipped.sort(Comparator.naturalOrder());
    String chipName = nameFile == null ? "" : clean(nameFile);
    return new HwmonChip(chip, chipName, values, skipped);
  }

  private static Kind kind(String type, String property) {
    return switch (type + "_" + property) {
      case "temp_input" -> Kind.TEMP;
      case "temp_crit" -> Kind.TEMP_CRIT;
      case "fan_input" -> Kind.FAN;
      case "in_input" -> Kind.IN;
      default -> null;
    };
  }
}
