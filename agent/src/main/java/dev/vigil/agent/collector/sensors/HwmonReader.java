package dev.vigil.agent.collector.sensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads every {@code <sys>/class/hwmon/hwmon<N>} directory into a {@link HwmonChip}. */
final class HwmonReader {
  private final Path classDir;

  /** Reads below {@code sysRoot}, normally {@code /sys}. */
  HwmonReader(Path sysRoot) {
    this.classDir = sysRoot.resolve("class").resolve("hwmon");
  }

  /** All chips in directory order; none when the machine has no hwmon class at all. */
  List<HwmonChip> read() throws IOException {
    if (!Files.isDirectory(classDir)) {
      return List.of();
    }
    List<Path> dirs;
    try (Stream<Path> entries = Files.list(classDir)) {
      dirs =
          entries
              .filter(p -> p.getFileName().toString().startsWith("hwmon"))
              .filter(Files::isDirectory)
              .sorted()
              .toList();
    }
    List<HwmonChip> chips = new ArrayList<>(dirs.size());
    for (Path dir : dirs) {
      chips.add(readChip(dir));
    }
    return chips;
  }

  private static HwmonChip readChip(Path dir) throws IOException {
    String name = readOrNull(dir.resolve("name"));
    String chip =
        HwmonParser.chipLabel(devicePath(dir), name, dir.toRealPath().getFileName().toString());
    Map<String, String> files = new HashMap<>();
    List<String> unreadable = new ArrayList<>();
    List<Path> sensorFiles;
    try (Stream<Path> entries = Files.list(dir)) {
      sensorFiles =
          entries.filter(p -> HwmonParser.isSensorFile(p.getFileName().toString())).toList();
    }
    for (Path file : sensorFiles) {
      String fileName = file.getFileName().toString();
      try {
        files.put(fileName, Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        // EIO or ENODATA from a sensor that cannot be read right now.
        unreadable.add(fileName + ": unreadable: " + e);
      }
    }
    return HwmonParser.parse(chip, name, files).withSkipped(unreadable);
  }

  /** The real path of {@code dir/device}, or null when the chip has no device link. */
  private static String devicePath(Path dir) {
    Path device = dir.resolve("device");
    try {
      return Files.exists(device) ? device.toRealPath().toString() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String readOrNull(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
