package dev.vigil.agent.collector.sensors;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code /sys/class/hwmon/hwmon<N>} directory: its {@code chip} label, its human-readable
 * {@code chipName} from the {@code name} file (empty when it has none), the readings that parsed,
 * and the files that were skipped ({@code "temp2_input: <reason>"}) because they could not be read
 * or held no number. A skipped reading is absent, never zero.
 */
record HwmonChip(String chip, String chipName, List<SensorValue> values, List<String> skipped) {

  /** Copies both lists so a reading is immutable. */
  HwmonChip {
    values = List.copyOf(values);
    skipped = List.copyOf(skipped);
  }

  /** This chip with {@code more} skipped files added after its own. */
  HwmonChip withSkipped(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(skipped);
    all.addAll(more);
    return new HwmonChip(chip, chipName, values, all);
  }
}
