package dev.vigil.agent.spool.codec;

import dev.vigil.agent.wire.Tick;

/**
 * Decodes what {@link TickEncoder} wrote, in the same order, reproducing every value bit for bit.
 * After {@link #desync} (a damaged or missing record), ticks are refused until the next keyframe.
 */
public final class TickDecoder {
  /** More series than any host defines; a larger count can only be damage. */
  static final int MAX_SERIES = 1 << 20;

  private final BitReader in = new BitReader();
  private final SeriesHistory history = new SeriesHistory();
  private final Tick previous = new Tick();
  private long previousDelta;
  private boolean synced;

  /** Whether the encoded tick in {@code record} at {@code offset} is a keyframe. */
  public static boolean isKeyframe(byte[] record, int offset) {
    return (record[offset] & 0x80) != 0;
  }

  /** Forgets the previous tick: only a keyframe decodes next. */
  public void desync() {
    synced = false;
  }

  /**
   * Decodes one tick into {@code out}.
   *
   * @throws CorruptTickException when the bytes do not decode, or the tick is not a keyframe and
   *     the previous tick is unknown
   */
  public void decode(byte[] record, int offset, int length, Tick out) throws CorruptTickException {
    if (length == 0) {
      throw new CorruptTickException("empty tick");
    }
    in.wrap(record, offset, length);
    boolean keyframe = in.readBit();
    if (!keyframe && !synced) {
      throw new CorruptTickException("tick depends on an earlier tick that is damaged or missing");
    }
    synced = false;
    if (keyframe) {
      history.reset();
      long timestamp = in.readSigned();
      previousDelta = 0;
      out.start(timestamp);
      readIds(out);
    } else {
      long delta = previousDelta + in.readSigned();
      previousDelta = delta;
      out.start(previous.timestampMs() + delta);
      if (in.readBit()) {
        out.copyIdsFrom(previous);
      } else {
        readIds(out);
      }
    }
    history.ensure(out.maxId());
    for (int i = 0; i < out.count(); i++) {
      out.setValue(i, readValue(out.id(i)));
    }
    if (!in.atEnd()) {
      throw new CorruptTickException("tick has bytes left over after its values");
    }
    previous.start(out.timestampMs());
    previous.copyIdsFrom(out);
    synced = true;
  }

  private void readIds(Tick out) throws CorruptTickException {
    long count = in.readUnsigned();
    if (count > MAX_SERIES) {
      throw new CorruptTickException("tick claims " + count + " series");
    }
    long next = 0;
    while (out.count() < count) {
      long start = next + in.readUnsigned();
      long run = in.readUnsigned() + 1;
      if (start + run > MAX_SERIES || out.count() + run > count) {
        throw new CorruptTickException("tick ids run past " + MAX_SERIES + " or their count");
      }
      for (long id = start; id < start + run; id++) {
        out.add((int) id, 0);
      }
      next = start + run;
    }
  }

  private double readValue(int id) throws CorruptTickException {
    if (!in.readBit()) {
      return Double.longBitsToDouble(history.bits[id]);
    }
    double value;
    if (!in.readBit()) {
      int scale = history.scale[id];
      if (scale == SeriesHistory.NO_SCALE) {
        throw new CorruptTickException("series " + id + " has a delta but no scale");
      }
      long k = history.scaled[id] + in.readSigned();
      history.scaled[id] = k;
      value = DecimalScale.unscaled(k, scale);
    } else if (!in.readBit()) {
      int scale = (int) in.readBits(3);
      long k = in.readSigned();
      history.scale[id] = (byte) scale;
      history.scaled[id] = k;
      value = DecimalScale.unscaled(k, scale);
    } else {
      history.scale[id] = SeriesHistory.NO_SCALE;
      value = Double.longBitsToDouble(history.bits[id] ^ readXor(id));
    }
    history.bits[id] = Double.doubleToRawLongBits(value);
    return value;
  }

  private long readXor(int id) throws CorruptTickException {
    if (!in.readBit()) {
      int windowLead = history.lead[id];
      int windowTrail = history.trail[id];
      if (windowLead < 0) {
        throw new CorruptTickException("series " + id + " reuses an XOR window it never had");
      }
      return in.readBits(64 - windowLead - windowTrail) << windowTrail;
    }
    int lead = (int) in.readBits(6);
    int length = (int) in.readBits(6) + 1;
    int trail = 64 - lead - length;
    if (trail < 0) {
      throw new CorruptTickException("series " + id + " has an XOR window past 64 bits");
    }
    history.lead[id] = (byte) lead;
    history.trail[id] = (byte) trail;
    return in.readBits(length) << trail;
  }
}
