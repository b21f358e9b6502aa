package dev.vigil.collector.rules.eval;

import dev.vigil.collector.store.SeriesSlots;
import java.util.List;
import java.util.SortedMap;

/**
 * An instant selector: the latest sample of each matching series, if it is within the lookback.
 * Which series match is decided when compiled; evaluating reads two arrays per element.
 */
final class SelectorNode extends VectorNode {
  /**
   * Prometheus' default {@code --query.lookback-delta}. In 2.42 a sample exactly this old still
   * counts ({@code t < ts - lookback} drops it); 3.0 made the boundary exclusive.
   */
  static final long LOOKBACK_MILLIS = 5 * 60_000L;

  private final int[] slots;
  private final double[] slotValues;
  private final long[] updatedAtMillis;

  SelectorNode(SeriesSlots arrays, int[] slots, List<SortedMap<String, String>> series) {
    super(series);
    this.slots = slots;
    this.slotValues = arrays.values();
    this.updatedAtMillis = arrays.updatedAtMillis();
  }

  /** The slot element {@code element} reads. */
  int slot(int element) {
    return slots[element];
  }

  @Override
  public void evaluate(long atMillis) {
    long oldest = atMillis - LOOKBACK_MILLIS;
    for (int i = 0; i < slots.length; i++) {
      int slot = slots[i];
      long at = updatedAtMillis[slot];
      // 0 marks a slot that has had no sample yet.
      present[i] = at != 0 && at >= oldest;
      values[i] = slotValues[slot];
    }
  }
}
