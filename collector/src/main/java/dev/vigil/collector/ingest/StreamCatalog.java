package dev.vigil.collector.ingest;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesRejectedException;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.SeriesDef;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One stream's interned symbols and series for its current epoch, and the map from the stream's
 * dense series ids to the host's slots that the hot path indexes.
 */
final class StreamCatalog {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final IngestLimits limits;
  private long epoch;
  private String[] symbols = new String[64];
  private int symbolCount;
  private int[] slotOf = new int[64];
  private int seriesCount;

  StreamCatalog(IngestLimits limits) {
    this.limits = limits;
    startEpoch(0);
  }

  /** Forgets every symbol and series: ids start again at symbol 1 and series 0. */
  void startEpoch(long newEpoch) {
    epoch = newEpoch;
    Arrays.fill(symbols, null);
    symbols[0] = "";
    symbolCount = 1;
    seriesCount = 0;
  }

  long epoch() {
    return epoch;
  }

  int seriesCount() {
    return seriesCount;
  }

  /** Stream series id → host slot; valid for ids below {@link #seriesCount()}. */
  int[] slotOf() {
    return slotOf;
  }

  void apply(Catalog catalog, HostState host) throws StreamException {
    if (catalog.getEpoch() != epoch) {
      startEpoch(catalog.getEpoch());
    }
    expectContiguous("first_symbol_id", catalog.getFirstSymbolId(), symbolCount);
    expectContiguous("first_series_id", catalog.getFirstSeriesId(), seriesCount);
    addSymbols(catalog);
    for (int i = 0; i < catalog.getSeriesCount(); i++) {
      addSeries(catalog.getSeries(i), seriesCount + i, host);
    }
    seriesCount += catalog.getSeriesCount();
  }

  private static void expectContiguous(String field, int sent, int expected)
      throws StreamException {
    if (sent != expected) {
      throw StreamSession.protocol(
          "Catalog."
              + field
              + " is "
              + sent
              + " but "
              + expected
              + " was expected (gap or replay)");
    }
  }

  private void addSymbols(Catalog catalog) throws StreamException {
    int added = catalog.getSymbolsCount();
    if ((long) symbolCount + added > limits.maxSymbolsPerStream()) {
      throw new StreamException(
          IngestError.LIMIT,
          "Catalog would raise the stream's symbols to "
              + (symbolCount + added)
              + "; the limit is "
              + limits.maxSymbolsPerStream());
    }
    if (symbolCount + added > symbols.length) {
      symbols = Arrays.copyOf(symbols, Math.max(symbols.length * 2, symbolCount + added));
    }
    for (int i = 0; i < added; i++) {
      String symbol = catalog.getSymbols(i);
      checkLength("symbol " + (symbolCount + i), symbol);
      // Interned: every stream of a fleet sends the same few thousand names and values, and each
      // stream keeps its symbols for its whole life.
      symbols[symbolCount + i] = symbol.intern();
    }
    symbolCount += added;
  }

  private void addSeries(SeriesDef def, int id, HostState host) throws StreamException {
    String where = "series " + id;
    String name = symbol(where + " name", def.getName());
    if (!METRIC_NAME.matcher(name).matches()) {
      throw StreamSession.protocol(where + " has invalid metric name \"" + name + "\"");
    }
    String[] labels = labels(def, where);
    try {
      int slot =
          host.define(name, type(def, where), symbol(where + " help", def.getHelp()), labels);
      if (id >= slotOf.length) {
        slotOf = Arrays.copyOf(slotOf, Math.max(slotOf.length * 2, id + 1));
      }
      slotOf[id] = slot;
    } catch (SeriesRejectedException e) {
      IngestError error =
          e.reason() == SeriesRejectedException.Reason.TOO_MANY_SERIES
              ? IngestError.LIMIT
              : IngestError.PROTOCOL;
      throw new StreamException(error, where + ": " + e.getMessage());
    }
  }

  private String[] labels(SeriesDef def, String where) throws StreamException {
    int ids = def.getLabelsCount();
    if ((ids & 1) != 0) {
      throw StreamSession.protocol(where + " has an odd number of label symbol ids");
    }
    if (ids / 2 > IngestLimits.MAX_LABELS_PER_SERIES) {
      throw new StreamException(
          IngestError.LIMIT,
          where
              + " has "
              + ids / 2
              + " labels; the limit is "
              + IngestLimits.MAX_LABELS_PER_SERIES);
    }
    String[] labels = new String[ids];
    for (int i = 0; i < ids; i += 2) {
      String label = symbol(where + " label name", def.getLabels(i));
      if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
        throw StreamSession.protocol(where + " has invalid label name \"" + label + "\"");
      }
      if (label.equals("instance")) {
        throw StreamSession.protocol(where + " sets label instance, which the collector owns");
      }
      for (int j = 0; j < i; j += 2) {
        if (labels[j].equals(label)) {
          throw StreamSession.protocol(where + " repeats label " + label);
        }
      }
      labels[i] = label;
      labels[i + 1] = symbol(where + " label value", def.getLabels(i + 1));
    }
    return labels;
  }

  private static MetricFamily.Type type(SeriesDef def, String where) throws StreamException {
    return switch (def.getType()) {
      case METRIC_TYPE_GAUGE -> MetricFamily.Type.GAUGE;
      case METRIC_TYPE_COUNTER -> MetricFamily.Type.COUNTER;
      default -> throw StreamSession.protocol(where + " has no valid type");
    };
  }

  private String symbol(String what, int id) throws StreamException {
    if (id < 0 || id >= symbolCount) {
      throw StreamSession.protocol(what + " refers to symbol " + id + " of " + symbolCount);
    }
    return symbols[id];
  }

  void checkLength(String what, String text) throws StreamException {
    if (text.length() > limits.maxLabelLength()) {
      throw new StreamException(
          IngestError.LIMIT,
          what
              + " is "
              + text.length()
              + " characters long; the limit is "
              + limits.maxLabelLength());
    }
  }
}
