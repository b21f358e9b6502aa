package dev.vigil.agent.collector.power;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads every {@code <sys>/class/power_supply/<name>} directory into a {@link PowerSupply}. */
final class SysfsPowerSupplyReader {
  private final Path classDir;

  /** Reads below {@code sysRoot}, normally {@code /sys}. */
  SysfsPowerSupplyReader(Path sysRoot) {
    this.classDir = sysRoot.resolve("class").resolve("power_supply");
  }

  /** All supplies in name order; none when the machine has no power_supply class at all. */
  List<PowerSupply> read() throws IOException {
    if (!Files.isDirectory(classDir)) {
      return List.of();
    }
    List<Path> dirs;
    try (Stream<Path> entries = Files.list(classDir)) {
      dirs = entries.sorted().toList();
    }
    List<PowerSupply> supplies = new ArrayList<>(dirs.size());
    for (Path dir : dirs) {
      supplies.add(SysfsPowerSupplyParser.parse(dir.getFileName().toString(), readFiles(dir)));
    }
    return supplies;
  }

  /** Reads the attributes the parser knows; a file the driver refuses to read stays absent. */
  private static Map<String, String> readFiles(Path dir) {
    Map<String, String> files = new HashMap<>();
    for (List<String> names :
        List.of(
            SysfsPowerSupplyParser.INFO_FILES,
            SysfsPowerSupplyParser.PLAIN_FILES,
            SysfsPowerSupplyParser.MICRO_FILES)) {
      for (String name : names) {
        Path file = dir.resolve(name);
        try {
          files.put(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          // Absent here, or ENODATA from a driver that cannot measure it right now.
        }
      }
    }
    return files;
  }
}
