package dev.vigil.agent.collector.sensors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the {@code type} and {@code temp} files of thermal zone directories into readings. */
final class ThermalZoneParser {
  /** The zone directories read: {@code thermal_zone0}, {@code thermal_zone1}, ... */
  static final Pattern ZONE_DIR = Pattern.compile("thermal_zone(\\d+)");

  private static final double MILLI = 1000.0;

  private ThermalZoneParser() {}

  /** The contents of one zone's {@code type} and {@code temp}; null for a file not read. */
  record ZoneFiles(String type, String temp) {}

  /** True for the directory names {@link #parse} reads. */
  static boolean isZoneDir(String name) {
    return ZONE_DIR.matcher(name).matches();
  }

  /**
   * Parses {@code zones}, directory name → its files, in zone-number order, temperatures from
   * millidegrees to °C as node_exporter does. A zone with a file not read is left out silently (the
   * reader names it); a {@code temp} that holds no integer is left out and named in {@link
   * ThermalZones#skipped()}.
   */
  static ThermalZones parse(Map<String, ZoneFiles> zones) {
    List<ThermalZone> readings = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<String, ZoneFiles> entry : zones.entrySet()) {
      Matcher m = ZONE_DIR.matcher(entry.getKey());
      ZoneFiles files = entry.getValue();
      if (!m.matches() || files.type() == null || files.temp() == null) {
        continue;
      }
      String temp = files.temp().strip();
      try {
        double celsius = Long.parseLong(temp) / MILLI;
        readings.add(new ThermalZone(m.group(1), files.type().strip(), celsius));
      } catch (NumberFormatException e) {
        skipped.add(entry.getKey() + "/temp: not a number: \"" + temp + "\"");
      }
    }
    readings.sort(Comparator.comparingLong(z -> Long.parseLong(z.zone())));
    skipped.sort(Comparator.naturalOrder());
    return new ThermalZones(readings, skipped);
  }
}
