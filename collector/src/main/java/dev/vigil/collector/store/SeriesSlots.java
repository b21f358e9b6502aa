package dev.vigil.collector.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generation of a host's series arrays, indexed by slot.
 *
 * <p>The ingest thread that owns the host writes {@link #values()} and {@link #updatedAtMillis()}
 * in place; readers (the exposition) may see a value a moment old, never a torn structure. Adding
 * series within capacity fills the next slot and then publishes the new count; growing replaces the
 * whole generation, so the arrays, the texts and the family lists of one generation always agree.
 */
public final class SeriesSlots {
  final double[] values;
  final long[] updatedAtMillis;
  final byte[][] text;
  final boolean[] labelled;
  final String[][] labelPairs;

  /** Slots of each family, by fleet-wide family id; replaced element-wise when a slot is added. */
  volatile int[][] slotsByFamily;

  private volatile int count;

  SeriesSlots(int capacity, int families) {
    values = new double[capacity];
    updatedAtMillis = new long[capacity];
    text = new byte[capacity][];
    labelled = new boolean[capacity];
    labelPairs = new String[capacity][];
    slotsByFamily = new int[families][];
  }

  /** A larger generation holding everything this one holds. */
  SeriesSlots grow(int capacity) {
    SeriesSlots next = new SeriesSlots(capacity, slotsByFamily.length);
    int n = count;
    System.arraycopy(values, 0, next.values, 0, n);
    System.arraycopy(updatedAtMillis, 0, next.updatedAtMillis, 0, n);
    System.arraycopy(text, 0, next.text, 0, n);
    System.arraycopy(labelled, 0, next.labelled, 0, n);
    System.arraycopy(labelPairs, 0, next.labelPairs, 0, n);
    next.slotsByFamily = slotsByFamily.clone();
    next.count = n;
    return next;
  }

  int add(int familyId, byte[] seriesText, String[] sortedPairs) {
    int slot = count;
    text[slot] = seriesText;
    labelled[slot] = sortedPairs.length > 0;
    labelPairs[slot] = sortedPairs;
    updatedAtMillis[slot] = 0L;
    int[][] families = slotsByFamily;
    if (familyId >= families.length) {
      families = Arrays.copyOf(families, Math.max(familyId + 1, families.length * 2));
    }
    int[] members = families[familyId];
    members = members == null ? new int[] {slot} : appended(members, slot);
    families[familyId] = members;
    slotsByFamily = families;
    count = slot + 1;
    return slot;
  }

  private static int[] appended(int[] members, int slot) {
    int[] longer = Arrays.copyOf(members, members.length + 1);
    longer[members.length] = slot;
    return longer;
  }

  int capacity() {
    return values.length;
  }

  /** Number of slots in use. */
  public int count() {
    return count;
  }

  /** Latest value per slot; written only by the ingest thread that owns the host. */
  public double[] values() {
    return values;
  }

  /** Timestamp (ms since the epoch) of each slot's latest value; 0 while it has none. */
  public long[] updatedAtMillis() {
    return updatedAtMillis;
  }

  /**
   * The series' name and labels as exposition text, without the closing brace: {@code
   * name{a="b",c="d"} or {@code name} when it has no labels (see {@link #hasLabels(int)}).
   */
  public byte[] text(int slot) {
    return text[slot];
  }

  /**
   * The series' labels, name to value in name order, without {@code instance} and the metric name;
   * for cold paths.
   */
  public Map<String, String> labels(int slot) {
    String[] pairs = labelPairs[slot];
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(labels);
  }

  /** Whether {@link #text(int)} has opened a label set that the writer must close. */
  public boolean hasLabels(int slot) {
    return labelled[slot];
  }

  /**
   * The series' labels as name/value pairs sorted by name, without {@code instance} (the host's
   * name) and without the metric name. Cold path (rules are compiled from it): a copy.
   */
  public String[] labelPairs(int slot) {
    return labelPairs[slot].clone();
  }

  /** Slots of one family on this host, or null when the host has none. */
  public int[] slotsOf(int familyId) {
    int[][] families = slotsByFamily;
    return familyId < families.length ? families[familyId] : null;
  }
}
