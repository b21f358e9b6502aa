package dev.vigil.bench;

import com.google.protobuf.CodedOutputStream;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import java.util.SplittableRandom;

/**
 * A ring of encoded {@code AgentFrame{batch}} frames, as an agent sends them tick after tick, whose
 * seq is rewritten in place before each use so that every frame is new to the collector.
 *
 * <p>Every seq lies in [2^56, 2^63), where a varint is exactly nine bytes, so rewriting it never
 * moves a byte. The generated encoder writes fields in field-number order:
 *
 * <pre>
 * 0x1A len(varint)  0x08 epoch(1 byte)  0x10 seq(9 bytes)  0x18 timestamp_ms(6 bytes)  values
 * ^ AgentFrame.batch ^ Batch.epoch      ^ Batch.seq           ^ Batch.timestamp_ms
 * </pre>
 *
 * Timestamps from 2^35 to 2^42 ms (the years 1971 to 2109) are six-byte varints, so they too can be
 * rewritten in place: a benchmark that evaluates rules steps time forward across the ring's turns.
 */
final class BatchFrames {
  /** First seq; the smallest nine-byte varint. */
  static final long FIRST_SEQ = 1L << 56;

  /** Timestamp of frame 0 (2026-01-01); frame i is i ticks of 15 s later until rewritten. */
  static final long FIRST_TIMESTAMP = 1_767_225_600_000L;

  private static final int TIMESTAMP_WIDTH = 6;

  private final byte[][] frames;
  private final int[] seqOffsets;

  /**
   * @param seriesIds ids the frames carry values for, in order
   * @param dense whether to send them as {@code first_series_id} plus a dense range (the ids must
   *     then be 0, 1, 2, ...) or as an explicit packed {@code series_ids} list
   * @param counter per series id, whether values only grow
   */
  BatchFrames(int ring, long epoch, int[] seriesIds, boolean dense, boolean[] counter, long seed) {
    frames = new byte[ring][];
    seqOffsets = new int[ring];
    SplittableRandom random = new SplittableRandom(seed);
    double[] value = new double[seriesIds.length];
    for (int i = 0; i < value.length; i++) {
      value[i] = Math.floor(random.nextDouble() * 1e9) / 100;
    }
    long timestamp = FIRST_TIMESTAMP;
    for (int f = 0; f < ring; f++) {
      Batch.Builder batch =
          Batch.newBuilder().setEpoch(epoch).setSeq(FIRST_SEQ).setTimestampMs(timestamp);
      for (int i = 0; i < seriesIds.length; i++) {
        if (dense && seriesIds[i] != i) {
          throw new IllegalArgumentException("a dense batch needs ids 0, 1, 2, ...");
        }
        if (!dense) {
          batch.addSeriesIds(seriesIds[i]);
        }
        value[i] += counter[seriesIds[i]] ? random.nextDouble() * 1000 : random.nextGaussian();
        batch.addValues(value[i]);
      }
      Batch built = batch.build();
      frames[f] = AgentFrame.newBuilder().setBatch(built).build().toByteArray();
      seqOffsets[f] =
          1
              + CodedOutputStream.computeUInt32SizeNoTag(built.getSerializedSize())
              + CodedOutputStream.computeUInt64Size(1, epoch)
              + 1;
      if (readVarint(frames[f], seqOffsets[f]) != FIRST_SEQ
          || readVarint(frames[f], timestampOffset(f)) != timestamp) {
        throw new IllegalStateException("seq or timestamp not where expected in frame " + f);
      }
      timestamp += 15_000;
    }
  }

  int size() {
    return frames.length;
  }

  byte[] frame(int i) {
    return frames[i];
  }

  /** Rewrites frame {@code i}'s seq; {@code seq} must lie in [2^56, 2^63). */
  void setSeq(int i, long seq) {
    byte[] b = frames[i];
    int p = seqOffsets[i];
    for (int k = 0; k < 8; k++, seq >>>= 7) {
      b[p + k] = (byte) (seq | 0x80);
    }
    b[p + 8] = (byte) seq;
  }

  /** Rewrites frame {@code i}'s timestamp; {@code millis} must lie in [2^35, 2^42). */
  void setTimestamp(int i, long millis) {
    if (millis >>> 35 == 0 || millis >>> 42 != 0) {
      throw new IllegalArgumentException(millis + " is not a six-byte varint");
    }
    byte[] b = frames[i];
    int p = timestampOffset(i);
    for (int k = 0; k < TIMESTAMP_WIDTH - 1; k++, millis >>>= 7) {
      b[p + k] = (byte) (millis | 0x80);
    }
    b[p + TIMESTAMP_WIDTH - 1] = (byte) millis;
  }

  /** After the seq's nine bytes, the timestamp's tag byte. */
  private int timestampOffset(int i) {
    return seqOffsets[i] + 9 + 1;
  }

  private static long readVarint(byte[] b, int p) {
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b[p++];
      result |= (long) (x & 0x7F) << shift;
      if (x >= 0) {
        return result;
      }
    }
  }
}
