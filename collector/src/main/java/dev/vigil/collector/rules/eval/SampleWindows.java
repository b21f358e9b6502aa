package dev.vigil.collector.rules.eval;

import dev.vigil.collector.store.SeriesSlots;
import java.util.HashMap;
import java.util.Map;

/**
 * The sample windows of one host program: one per slot that some {@code rate} or {@code increase}
 * reads, kept as long as the longest range over it. {@link #observe()} feeds them from the slots.
 */
final class SampleWindows {
  private final double[] slotValues;
  private final long[] updatedAtMillis;
  private final int[] slots;
  private final SampleWindow[] windows;
  private final Map<Integer, SampleWindow> bySlot;

  private SampleWindows(SeriesSlots arrays, Map<Integer, SampleWindow> bySlot) {
    this.slotValues = arrays.values();
    this.updatedAtMillis = arrays.updatedAtMillis();
    this.bySlot = Map.copyOf(bySlot);
    this.slots = bySlot.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.windows = new SampleWindow[slots.length];
    for (int i = 0; i < slots.length; i++) {
      windows[i] = bySlot.get(slots[i]);
    }
  }

  /** Takes every sample that landed since the last call. Allocates nothing once grown. */
  void observe() {
    for (int i = 0; i < slots.length; i++) {
      long at = updatedAtMillis[slots[i]];
      SampleWindow window = windows[i];
      if (at > window.lastTaken()) {
        window.take(at, slotValues[slots[i]]);
      }
    }
  }

  /** Collects the windows a program needs while its expressions are compiled. */
  static final class Builder {
    private final SeriesSlots arrays;
    private final SampleWindows previous;
    private final Map<Integer, SampleWindow> bySlot = new HashMap<>();
    private final Map<Integer, Long> keep = new HashMap<>();

    /**
     * @param previous the windows of the program being replaced, reused slot by slot, or null
     */
    Builder(SeriesSlots arrays, SampleWindows previous) {
      this.arrays = arrays;
      this.previous = previous;
    }

    /** The window of {@code slot}, kept at least {@code rangeMillis}. */
    SampleWindow window(int slot, long rangeMillis) {
      long longest = Math.max(rangeMillis, keep.getOrDefault(slot, 0L));
      keep.put(slot, longest);
      SampleWindow window = bySlot.computeIfAbsent(slot, this::carriedOrNew);
      window.keep(longest);
      return window;
    }

    private SampleWindow carriedOrNew(int slot) {
      SampleWindow carried = previous == null ? null : previous.bySlot.get(slot);
      return carried != null ? carried : new SampleWindow();
    }

    SampleWindows build() {
      return new SampleWindows(arrays, bySlot);
    }
  }
}
