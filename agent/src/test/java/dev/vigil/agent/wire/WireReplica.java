package dev.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.SeriesDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies frames by the collector's rules, for tests: a Hello or a Catalog of another epoch starts
 * fresh tables, catalogs must be contiguous, batches must be in the current epoch and name defined
 * series, and a batch at or below the highest applied seq is a replay and is ignored. Fails the
 * test on any breach, and keeps every applied batch with its values by series name.
 */
public final class WireReplica {
  /** One applied batch: values by {@code name{label=value,...}}, as raw double bits. */
  public record Applied(long seq, long epoch, long timestampMs, Map<String, Long> bits) {
    /** The value of {@code series} as a double. */
    public double value(String series) {
      Long raw = bits.get(series);
      assertTrue(raw != null, series + " missing from batch " + seq + ": " + bits.keySet());
      return Double.longBitsToDouble(raw);
    }
  }

  private final List<Applied> applied = new ArrayList<>();
  private long epoch = -1;
  private final List<String> symbols = new ArrayList<>();
  private final List<String> series = new ArrayList<>();
  private long highestSeq;
  private int replays;

  /** Starts a stream in {@code streamEpoch}, as a Hello does. */
  public void hello(long streamEpoch) {
    startEpoch(streamEpoch);
  }

  /** Applies a Catalog or Batch frame; returns the seq to acknowledge, or 0. */
  public long apply(AgentFrame frame) {
    if (frame.hasCatalog()) {
      catalog(frame.getCatalog());
      return 0;
    }
    assertTrue(frame.hasBatch(), "expected a Catalog or a Batch, got " + frame);
    return batch(frame.getBatch());
  }

  private void startEpoch(long newEpoch) {
    epoch = newEpoch;
    symbols.clear();
    symbols.add("");
    series.clear();
  }

  private void catalog(Catalog catalog) {
    if (catalog.getEpoch() != epoch) {
      startEpoch(catalog.getEpoch());
    }
    assertEquals(symbols.size(), catalog.getFirstSymbolId(), "Catalog.first_symbol_id");
    assertEquals(series.size(), catalog.getFirstSeriesId(), "Catalog.first_series_id");
    symbols.addAll(catalog.getSymbolsList());
    for (SeriesDef def : catalog.getSeriesList()) {
      StringBuilder name = new StringBuilder(symbols.get(def.getName())).append('{');
      for (int i = 0; i < def.getLabelsCount(); i += 2) {
        name.append(i == 0 ? "" : ",").append(symbols.get(def.getLabels(i)));
        name.append('=').append(symbols.get(def.getLabels(i + 1)));
      }
      series.add(name.append('}').toString());
    }
  }

  private long batch(Batch batch) {
    assertEquals(epoch, batch.getEpoch(), "Batch.epoch");
    if (batch.getSeq() <= highestSeq) {
      replays++;
      return highestSeq;
    }
    Map<String, Long> values = new LinkedHashMap<>();
    for (int i = 0; i < batch.getValuesCount(); i++) {
      int id =
          batch.getSeriesIdsCount() == 0 ? batch.getFirstSeriesId() + i : batch.getSeriesIds(i);
      assertTrue(id < series.size(), "Batch names series " + id + " of " + series.size());
      values.put(series.get(id), Double.doubleToRawLongBits(batch.getValues(i)));
    }
    applied.add(new Applied(batch.getSeq(), batch.getEpoch(), batch.getTimestampMs(), values));
    highestSeq = batch.getSeq();
    return highestSeq;
  }

  /** Every batch applied, in order. */
  public List<Applied> applied() {
    return applied;
  }

  /** Batches ignored as replays of what was applied already. */
  public int replays() {
    return replays;
  }
}
