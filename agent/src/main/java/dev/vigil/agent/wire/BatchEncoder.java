package dev.vigil.agent.wire;

import dev.vigil.proto.v1.Batch;

/**
 * Encodes one tick as a Batch: the compact dense-range form when its series ids are contiguous,
 * explicit ids otherwise.
 */
public final class BatchEncoder {
  private BatchEncoder() {}

  /** The Batch of {@code tick} with {@code seq}, its ids scoped to {@code epoch}. */
  public static Batch encode(long epoch, long seq, Tick tick) {
    Batch.Builder batch =
        Batch.newBuilder().setEpoch(epoch).setSeq(seq).setTimestampMs(tick.timestampMs());
    int count = tick.count();
    boolean dense = count == 0 || tick.id(count - 1) - tick.id(0) == count - 1;
    if (dense && count > 0) {
      batch.setFirstSeriesId(tick.id(0));
    }
    for (int i = 0; i < count; i++) {
      if (!dense) {
        batch.addSeriesIds(tick.id(i));
      }
      batch.addValues(tick.value(i));
    }
    return batch.build();
  }
}
