package dev.vigil.agent.spool.codec;

import dev.vigil.agent.wire.Tick;

/**
 * Encodes ticks compactly against the previous tick of the same segment (the layout is in {@link
 * dev.vigil.agent.spool.codec}). Every {@code keyframeInterval}-th tick, and the first after {@link
 * #reset}, is a keyframe that decodes on its own, so one damaged record costs at most the ticks up
 * to the next keyframe.
 */
public final class TickEncoder {
  private final int keyframeInterval;
  private final BitWriter out = new BitWriter();
  private final SeriesHistory history = new SeriesHistory();
  private final Tick previous = new Tick();
  private long previousDelta;
  private int sinceKeyframe;

  /** A new encoder whose first tick is a keyframe. */
  public TickEncoder(int keyframeInterval) {
    if (keyframeInterval < 1) {
      throw new IllegalArgumentException("keyframe interval must be positive");
    }
    this.keyframeInterval = keyframeInterval;
    reset();
  }

  /** Makes the next tick a keyframe, e.g. at the start of a segment. */
  public void reset() {
    sinceKeyframe = keyframeInterval;
  }

  /**
   * Encodes {@code tick} into {@link #buffer()}.
   *
   * @return the number of bytes written
   */
  public int encode(Tick tick) {
    out.reset();
    boolean keyframe = sinceKeyframe >= keyframeInterval;
    out.writeBit(keyframe);
    if (keyframe) {
      history.reset();
      sinceKeyframe = 0;
      out.writeSigned(tick.timestampMs());
      previousDelta = 0;
      writeIds(tick);
    } else {
      long delta = tick.timestampMs() - previous.timestampMs();
      out.writeSigned(delta - previousDelta);
      previousDelta = delta;
      boolean sameIds = tick.sameIds(previous);
      out.writeBit(sameIds);
      if (!sameIds) {
        writeIds(tick);
      }
    }
    sinceKeyframe++;
    history.ensure(tick.maxId());
    for (int i = 0; i < tick.count(); i++) {
      writeValue(tick.id(i), tick.value(i));
    }
    previous.start(tick.timestampMs());
    previous.copyIdsFrom(tick);
    return out.byteLength();
  }

  /** The encoded bytes of the last tick, valid up to the length {@link #encode} returned. */
  public byte[] buffer() {
    return out.buffer();
  }

  /** Ids as runs of consecutive ids: a dense range of 500 series costs a few bytes. */
  private void writeIds(Tick tick) {
    out.writeUnsigned(tick.count());
    int expected = 0;
    int i = 0;
    while (i < tick.count()) {
      int start = tick.id(i);
      int run = 1;
      while (i + run < tick.count() && tick.id(i + run) == start + run) {
        run++;
      }
      out.writeUnsigned(start - expected);
      out.writeUnsigned(run - 1);
      expected = start + run;
      i += run;
    }
  }

  private void writeValue(int id, double value) {
    long bits = Double.doubleToRawLongBits(value);
    long previousBits = history.bits[id];
    if (bits == previousBits) {
      out.writeBit(false);
      return;
    }
    history.bits[id] = bits;
    int scale = history.scale[id];
    long k =
        scale == SeriesHistory.NO_SCALE ? DecimalScale.NONE : DecimalScale.scaled(value, scale);
    if (k != DecimalScale.NONE) {
      out.writeBits(0b10, 2);
      out.writeSigned(k - history.scaled[id]);
      history.scaled[id] = k;
      return;
    }
    for (int s = 0; s < DecimalScale.COUNT; s++) {
      k = DecimalScale.scaled(value, s);
      if (k != DecimalScale.NONE) {
        out.writeBits(0b110, 3);
        out.writeBits(s, 3);
        out.writeSigned(k);
        history.scale[id] = (byte) s;
        history.scaled[id] = k;
        return;
      }
    }
    out.writeBits(0b111, 3);
    history.scale[id] = SeriesHistory.NO_SCALE;
    writeXor(id, bits ^ previousBits);
  }

  /**
   * Gorilla's XOR coding: the meaningful bits of {@code xor} (never 0 here), inside the series'
   * previous window when they fit ('0'), else with a new window ('1', 6 bits of leading zeros, 6
   * bits of length minus one).
   */
  private void writeXor(int id, long xor) {
    int lead = Long.numberOfLeadingZeros(xor);
    int trail = Long.numberOfTrailingZeros(xor);
    int windowLead = history.lead[id];
    int windowTrail = history.trail[id];
    if (windowLead >= 0 && lead >= windowLead && trail >= windowTrail) {
      out.writeBit(false);
      out.writeBits(xor >>> windowTrail, 64 - windowLead - windowTrail);
      return;
    }
    int length = 64 - lead - trail;
    out.writeBit(true);
    out.writeBits(lead, 6);
    out.writeBits(length - 1, 6);
    out.writeBits(xor >>> trail, length);
    history.lead[id] = (byte) lead;
    history.trail[id] = (byte) trail;
  }
}
