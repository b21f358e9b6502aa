package dev.vigil.agent.collector.sensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads every {@code <sys>/class/thermal/thermal_zone<N>} directory's type and temperature. */
final class ThermalZoneReader {
  private final Path classDir;

  /** Reads below {@code sysRoot}, normally {@code /sys}. */
  ThermalZoneReader(Path sysRoot) {
    this.classDir = sysRoot.resolve("class").resolve("thermal");
  }

  /** All zones that could be read; none when the machine has no thermal class at all. */
  ThermalZones read() throws IOException {
    if (!Files.isDirectory(classDir)) {
      return new ThermalZones(List.of(), List.of());
    }
    List<Path> dirs;
    try (Stream<Path> entries = Files.list(classDir)) {
      dirs = entries.filter(p -> ThermalZoneParser.isZoneDir(p.getFileName().toString())).toList();
    }
    Map<String, ThermalZoneParser.ZoneFiles> zones = new HashMap<>();
    List<String> unreadable = new ArrayList<>();
    for (Path dir : dirs) {
      String name = dir.getFileName().toString();
      String type = readOrNull(dir, name, "type", unreadable);
      String temp = readOrNull(dir, name, "temp", unreadable);
      zones.put(name, new ThermalZoneParser.ZoneFiles(type, temp));
    }
    ThermalZones parsed = ThermalZoneParser.parse(zones);
    List<String> skipped = new ArrayList<>(parsed.skipped());
    skipped.addAll(unreadable);
    skipped.sort(Comparator.naturalOrder());
    return new ThermalZones(parsed.zones(), skipped);
  }

  /** The file's contents, or null with the reason added to {@code unreadable}. */
  private static String readOrNull(Path dir, String zone, String file, List<String> unreadable) {
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // ENODATA or EAGAIN from a zone whose sensor is off, e.g. a Wi-Fi card that is down.
      unreadable.add(zone + "/" + file + ": unreadable: " + e);
      return null;
    }
  }
}
