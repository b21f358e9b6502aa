package dev.vigil.agent.wire;

import java.util.Arrays;

/**
 * One tick's values by series id, ids strictly ascending: a holder reused from tick to tick, filled
 * by {@link SeriesRegistry#fill} or by the spool's decoder, and sent as a Batch by {@link
 * BatchEncoder}.
 */
public final class Tick {
  private long timestampMs;
  private int[] ids = new int[64];
  private double[] values = new double[64];
  private int count;

  /** Empties the tick and sets its timestamp. */
  public void start(long timestampMillis) {
    timestampMs = timestampMillis;
    count = 0;
  }

  /** Appends one value; ids must come in strictly ascending order. */
  public void add(int id, double value) {
    if (count > 0 && id <= ids[count - 1]) {
      throw new IllegalArgumentException(
          "series ids must ascend: " + id + " after " + ids[count - 1]);
    }
    if (count == ids.length) {
      ids = Arrays.copyOf(ids, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    ids[count] = id;
    values[count] = value;
    count++;
  }

  /** Milliseconds since the Unix epoch at which the values were read. */
  public long timestampMs() {
    return timestampMs;
  }

  /** Number of values. */
  public int count() {
    return count;
  }

  /** Series id of value {@code index}. */
  public int id(int index) {
    return ids[index];
  }

  /** Value {@code index}. */
  public double value(int index) {
    return values[index];
  }

  /** Whether this tick covers the same series ids as {@code other}. */
  public boolean sameIds(Tick other) {
    return count == other.count && Arrays.equals(ids, 0, count, other.ids, 0, count);
  }

  /** Takes the series ids of {@code other}; values are to be set with {@link #setValue}. */
  public void copyIdsFrom(Tick other) {
    if (ids.length < other.count) {
      ids = Arrays.copyOf(ids, other.count);
      values = Arrays.copyOf(values, other.count);
    }
    System.arraycopy(other.ids, 0, ids, 0, other.count);
    count = other.count;
  }

  /** Replaces value {@code index}. */
  public void setValue(int index, double value) {
    values[index] = value;
  }

  /** The highest series id, or -1 for an empty tick. */
  public int maxId() {
    return count == 0 ? -1 : ids[count - 1];
  }
}
