package dev.vigil.agent.wire;

import dev.vigil.agent.metric.Sample;
import dev.vigil.proto.v1.Batch;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes one tick's samples as a Batch, registering new series on the way. Values are ordered by
 * series id so that a tick covering a contiguous run of ids uses the compact dense-range form.
 */
public final class BatchEncoder {
  private BatchEncoder() {}

  /**
   * Encodes {@code samples}; if one series appears twice in a tick, the first value wins.
   *
   * @param registry receives any series not seen before; send its catalog before the batch
   */
  public static Batch encode(
      SeriesRegistry registry, List<Sample> samples, long epoch, long seq, long timestampMs) {
    long[] idAndIndex = new long[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      idAndIndex[i] = ((long) registry.register(samples.get(i)) << 32) | i;
    }
    // Sorting id<<32|index orders by id and, for a repeated id, keeps the first sample first.
    Arrays.sort(idAndIndex);
    Batch.Builder batch =
        Batch.newBuilder().setEpoch(epoch).setSeq(seq).setTimestampMs(timestampMs);
    int previousId = -1;
    for (long entry : idAndIndex) {
      int id = (int) (entry >>> 32);
      if (id != previousId) {
        batch.addSeriesIds(id).addValues(samples.get((int) entry).value());
        previousId = id;
      }
    }
    return denseIfContiguous(batch);
  }

  private static Batch denseIfContiguous(Batch.Builder batch) {
    int count = batch.getSeriesIdsCount();
    if (count == 0) {
      return batch.build();
    }
    int first = batch.getSeriesIds(0);
    if (batch.getSeriesIds(count - 1) - first != count - 1) {
      return batch.build();
    }
    return batch.clearSeriesIds().setFirstSeriesId(first).build();
  }
}
