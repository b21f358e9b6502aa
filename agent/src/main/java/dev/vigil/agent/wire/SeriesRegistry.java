package dev.vigil.agent.wire;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricType;
import dev.vigil.agent.metric.Sample;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.SeriesDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every series (name, sorted labels) a dense id from 0 and interns its strings, for one
 * epoch. Ids never change within it, so every stream receives the same ids: a new stream is sent
 * everything from symbol 1 and series 0, an established one only what it has not seen yet.
 */
public final class SeriesRegistry {
  private record SeriesKey(String name, Labels labels) {}

  private final SymbolTable symbols = new SymbolTable();
  private final Map<SeriesKey, Integer> ids = new HashMap<>();
  private final List<SeriesDef> definitions = new ArrayList<>();

  /** Id of the series of {@code sample}, defining the series if it is new. */
  public int register(Sample sample) {
    SeriesKey key = new SeriesKey(sample.metric().name(), sample.labels());
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    definitions.add(define(sample.metric(), sample.labels()));
    ids.put(key, definitions.size() - 1);
    return definitions.size() - 1;
  }

  /**
   * Registers the series of {@code samples} and fills {@code out} with their values ordered by
   * series id; if one series appears twice in a tick, the first value wins.
   */
  public void fill(List<Sample> samples, long timestampMs, Tick out) {
    long[] idAndIndex = new long[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      idAndIndex[i] = ((long) register(samples.get(i)) << 32) | i;
    }
    // Sorting id<<32|index orders by id and, for a repeated id, keeps the first sample first.
    Arrays.sort(idAndIndex);
    out.start(timestampMs);
    int previousId = -1;
    for (long entry : idAndIndex) {
      int id = (int) (entry >>> 32);
      if (id != previousId) {
        out.add(id, samples.get((int) entry).value());
        previousId = id;
      }
    }
  }

  /** Number of symbols defined, not counting the implicit empty string. */
  public int symbolCount() {
    return symbols.size();
  }

  /** Number of series defined. */
  public int seriesCount() {
    return definitions.size();
  }

  /**
   * The Catalog a stream needs after it has seen {@code symbolsSeen} symbols and {@code seriesSeen}
   * series; a stream that has seen nothing gets everything.
   */
  public Catalog catalogSince(long epoch, int symbolsSeen, int seriesSeen) {
    return Catalog.newBuilder()
        .setEpoch(epoch)
        .setFirstSymbolId(symbolsSeen + 1)
        .addAllSymbols(symbols.from(symbolsSeen + 1))
        .setFirstSeriesId(seriesSeen)
        .addAllSeries(definitions.subList(seriesSeen, definitions.size()))
        .build();
  }

  private SeriesDef define(Metric metric, Labels labels) {
    SeriesDef.Builder def =
        SeriesDef.newBuilder()
            .setName(symbols.intern(metric.name()))
            .setType(wireType(metric.type()))
            .setHelp(symbols.intern(metric.help()));
    for (int i = 0; i < labels.size(); i++) {
      def.addLabels(symbols.intern(labels.name(i))).addLabels(symbols.intern(labels.value(i)));
    }
    return def.build();
  }

  private static dev.vigil.proto.v1.MetricType wireType(MetricType type) {
    return switch (type) {
      case GAUGE -> dev.vigil.proto.v1.MetricType.METRIC_TYPE_GAUGE;
      case COUNTER -> dev.vigil.proto.v1.MetricType.METRIC_TYPE_COUNTER;
    };
  }
}
