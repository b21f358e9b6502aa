package dev.vigil.agent.collector.sensors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code /sys/class/hwmon/hwmon<N>} directory: its {@code chip} label, its human-readable
 * {@code chipName} from the {@code name} file (empty when it has none), the labels its driver gives
 * sensors ({@code temp1} → {@code package_id_0}, in sensor order), the readings that parsed, and
 * the files that were skipped ({@code "temp2_input: <reason>"}) because they could not be read or
 * held no number. A skipped reading is absent, never zero.
 */
record HwmonChip(
    String chip,
    String chipName,
    Map<String, String> labels,
    List<SensorValue> values,
    List<String> skipped) {

  /** Copies the collections so a reading is immutable; the labels keep their order. */
  HwmonChip {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
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
    return new HwmonChip(chip, chipName, labels, values, all);
  }
}
