package dev.vigil.agent.spool.codec;

import java.util.Arrays;

/**
 * What the encoder and the decoder remember of each series between ticks, indexed by series id.
 * Both sides update it the same way, so a tick only has to carry what changed. A keyframe starts
 * from a {@link #reset} history, so it decodes without any earlier tick.
 */
final class SeriesHistory {
  static final byte NO_SCALE = -1;

  /** Raw bits of the previous value; 0 (+0.0) after a reset. */
  long[] bits = new long[0];

  /** {@link DecimalScale} index the previous value was stored at, or {@link #NO_SCALE}. */
  byte[] scale = new byte[0];

  /** The previous value's integer at {@link #scale}. */
  long[] scaled = new long[0];

  /** The XOR window of the previous XOR-coded value: leading zeros, or -1 for none yet. */
  byte[] lead = new byte[0];

  /** The XOR window's trailing zeros. */
  byte[] trail = new byte[0];

  /** Makes room for series ids up to {@code id}; new series start from a reset history. */
  void ensure(int id) {
    if (id < bits.length) {
      return;
    }
    int from = bits.length;
    int size = Math.max(id + 1, bits.length * 2);
    bits = Arrays.copyOf(bits, size);
    scale = Arrays.copyOf(scale, size);
    scaled = Arrays.copyOf(scaled, size);
    lead = Arrays.copyOf(lead, size);
    trail = Arrays.copyOf(trail, size);
    clear(from, size);
  }

  /** Forgets every series, as at a keyframe. */
  void reset() {
    clear(0, bits.length);
  }

  private void clear(int from, int to) {
    Arrays.fill(bits, from, to, 0L);
    Arrays.fill(scale, from, to, NO_SCALE);
    Arrays.fill(scaled, from, to, 0L);
    Arrays.fill(lead, from, to, (byte) -1);
    Arrays.fill(trail, from, to, (byte) 0);
  }
}
