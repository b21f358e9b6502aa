package dev.vigil.agent.collector.sensors;

import dev.vigil.agent.collector.sensors.SensorValue.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the files of one {@code /sys/class/hwmon/hwmon<N>} directory into a {@link HwmonChip}. */
final class HwmonParser {
  /**
   * The files read: {@code temp1_input}, {@code temp1_crit}, {@code fan1_min}, {@code pwm1}, ...
   * and each sensor's {@code _label}.
   */
  static final Pattern SENSOR_FILE =
      Pattern.compile("(temp|fan|in|pwm)(\\d+)(?:_(input|crit|max|min|label))?");

  private static final String LABEL = "label";

  private static final Pattern INVALID_LABEL_CHARS = Pattern.compile("[^a-z0-9:_]");
  private static final double MILLI = 1000.0;

  /** temp2 before temp10: by type, then by number. */
  private static final Comparator<String> BY_SENSOR =
      Comparator.comparing((String sensor) -> sensor.replaceAll("\\d", ""))
          .thenComparingInt(sensor -> Integer.parseInt(sensor.replaceAll("\\D", "")));

  private HwmonParser() {}

  /** True for the file names {@link #parse} reads. */
  static boolean isSensorFile(String name) {
    Matcher m = SENSOR_FILE.matcher(name);
    return m.matches() && (LABEL.equals(m.group(3)) || kind(m.group(1), m.group(3)) != null);
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
   * Parses {@code files}, sensor file name → contents (other names are ignored), in node_exporter's
   * units: millidegrees and millivolts divided by 1000, fan RPM and PWM duty as they are. A file
   * that holds no integer is skipped and named in {@link HwmonChip#skipped()}. Labels are cleaned
   * as node_exporter 1.5 cleans them ({@code Package id 0} → {@code package_id_0}); an empty one is
   * left out.
   *
   * @param nameFile the contents of the {@code name} file, or null when there is none
   */
  static HwmonChip parse(String chip, String nameFile, Map<String, String> files) {
    Map<String, String> labels = new TreeMap<>(BY_SENSOR);
    List<SensorValue> values = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Matcher m = SENSOR_FILE.matcher(file.getKey());
      if (!m.matches()) {
        continue;
      }
      String sensor = m.group(1) + m.group(2);
      String text = file.getValue().strip();
      if (LABEL.equals(m.group(3))) {
        String label = clean(text);
        if (!label.isEmpty()) {
          labels.put(sensor, label);
        }
        continue;
      }
      Kind kind = kind(m.group(1), m.group(3));
      if (kind == null) {
        continue;
      }
      try {
        values.add(new SensorValue(kind, chip, sensor, scaled(kind, Long.parseLong(text))));
      } catch (NumberFormatException e) {
        skipped.add(file.getKey() + ": not a number: \"" + text + "\"");
      }
    }
    values.sort(
        Comparator.comparing(SensorValue::kind).thenComparing(SensorValue::sensor, BY_SENSOR));
    skipped.sort(Comparator.naturalOrder());
    String chipName = nameFile == null ? "" : clean(nameFile);
    return new HwmonChip(chip, chipName, labels, values, skipped);
  }

  private static double scaled(Kind kind, long raw) {
    return switch (kind) {
      case FAN, FAN_MIN, FAN_MAX, PWM -> raw;
      default -> raw / MILLI;
    };
  }

  private static Kind kind(String type, String property) {
    return switch (property == null ? type : type + "_" + property) {
      case "temp_input" -> Kind.TEMP;
      case "temp_crit" -> Kind.TEMP_CRIT;
      case "temp_max" -> Kind.TEMP_MAX;
      case "fan_input" -> Kind.FAN;
      case "fan_min" -> Kind.FAN_MIN;
      case "fan_max" -> Kind.FAN_MAX;
      case "in_input" -> Kind.IN;
      case "in_min" -> Kind.IN_MIN;
      case "in_max" -> Kind.IN_MAX;
      case "pwm" -> Kind.PWM;
      default -> null;
    };
  }
}
