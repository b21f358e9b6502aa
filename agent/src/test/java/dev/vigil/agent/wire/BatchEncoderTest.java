package dev.vigil.agent.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import dev.vigil.proto.v1.Catalog;
import dev.vigil.proto.v1.MetricType;
import dev.vigil.proto.v1.SeriesDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {
  private static final long EPOCH = 42;
  private static final Metric CPU = Metric.counter("node_cpu_seconds_total", "CPU seconds.");
  private static final Metric LOAD = Metric.gauge("node_load1", "1m load average.");

  private final SeriesRegistry registry = new SeriesRegistry();

  private static Sample cpu(String cpu, double value) {
    return new Sample(CPU, Labels.of("cpu", cpu, "mode", "idle"), value);
  }

  /** Decodes as a collector would: the frame bytes through the generated parser. */
  private static AgentFrame roundTrip(AgentFrame frame) throws InvalidProtocolBufferException {
    return AgentFrame.parseFrom(frame.toByteArray());
  }

  private Catalog catalogFrame(int symbolsSeen, int seriesSeen) throws Exception {
    Catalog catalog = registry.catalogSince(EPOCH, symbolsSeen, seriesSeen);
    return roundTrip(AgentFrame.newBuilder().setCatalog(catalog).build()).getCatalog();
  }

  private Batch batchFrame(List<Sample> samples, long seq) throws Exception {
    Tick tick = new Tick();
    registry.fill(samples, 1_000L, tick);
    Batch batch = BatchEncoder.encode(EPOCH, seq, tick);
    return roundTrip(AgentFrame.newBuilder().setBatch(batch).build()).getBatch();
  }

  /** Resolves a series definition back to "name{label=value,...}" through the symbol list. */
  private static String describe(SeriesDef def, List<String> symbolsById) {
    StringBuilder text = new StringBuilder(symbolsById.get(def.getName())).append('{');
    for (int i = 0; i < def.getLabelsCount(); i += 2) {
      text.append(i == 0 ? "" : ",").append(symbolsById.get(def.getLabels(i)));
      text.append('=').append(symbolsById.get(def.getLabels(i + 1)));
    }
    return text.append('}').toString();
  }

  @Test
  void shouldRoundTripSymbolsSeriesAndValuesInDenseForm() throws Exception {
    Batch batch =
        batchFrame(List.of(cpu("0", 1.5), cpu("1", 2.5), new Sample(LOAD, Labels.NONE, 0.25)), 7);
    Catalog catalog = catalogFrame(0, 0);

    assertEquals(EPOCH, catalog.getEpoch());
    assertEquals(1, catalog.getFirstSymbolId());
    assertEquals(0, catalog.getFirstSeriesId());
    List<String> symbolsById = new ArrayList<>(List.of(""));
    symbolsById.addAll(catalog.getSymbolsList());
    assertEquals(
        List.of(
            "node_cpu_seconds_total{cpu=0,mode=idle}",
            "node_cpu_seconds_total{cpu=1,mode=idle}",
            "node_load1{}"),
        catalog.getSeriesList().stream().map(def -> describe(def, symbolsById)).toList());
    assertEquals(MetricType.METRIC_TYPE_COUNTER, catalog.getSeries(0).getType());
    assertEquals("1m load average.", symbolsById.get(catalog.getSeries(2).getHelp()));
    assertEquals(symbolsById.size(), new HashSet<>(symbolsById).size(), "each string sent once");

    assertEquals(EPOCH, batch.getEpoch());
    assertEquals(7, batch.getSeq());
    assertEquals(1_000L, batch.getTimestampMs());
    assertEquals(0, batch.getFirstSeriesId());
    assertEquals(0, batch.getSeriesIdsCount());
    assertEquals(List.of(1.5, 2.5, 0.25), batch.getValuesList());
  }

  @Test
  void shouldSendOnlyNewSymbolsAndSeriesToAStreamThatHasSeenTheRest() throws Exception {
    batchFrame(List.of(cpu("0", 1)), 1);
    int symbolsSeen = registry.symbolCount();

    Batch batch = batchFrame(List.of(cpu("0", 2), cpu("1", 3)), 2);
    Catalog delta = catalogFrame(symbolsSeen, 1);

    assertEquals(symbolsSeen + 1, delta.getFirstSymbolId());
    assertEquals(List.of("1"), delta.getSymbolsList());
    assertEquals(1, delta.getFirstSeriesId());
    assertEquals(1, delta.getSeriesCount());
    assertEquals(0, batch.getFirstSeriesId());
    assertEquals(List.of(2.0, 3.0), batch.getValuesList());
  }

  @Test
  void shouldListSeriesIdsExplicitlyWhenTheTickHasAGap() throws Exception {
    batchFrame(List.of(cpu("0", 1), cpu("1", 1), cpu("2", 1)), 1);

    Batch batch = batchFrame(List.of(cpu("2", 30), cpu("0", 10)), 2);

    assertEquals(List.of(0, 2), batch.getSeriesIdsList());
    assertEquals(List.of(10.0, 30.0), batch.getValuesList());
  }

  @Test
  void shouldUseDenseFormFromANonZeroFirstIdAndKeepTheFirstOfDuplicates() throws Exception {
    batchFrame(List.of(cpu("0", 1), cpu("1", 1), cpu("2", 1)), 1);

    Batch batch = batchFrame(List.of(cpu("2", 30), cpu("1", 20), cpu("2", 99)), 2);

    assertEquals(0, batch.getSeriesIdsCount());
    assertEquals(1, batch.getFirstSeriesId());
    assertEquals(List.of(20.0, 30.0), batch.getValuesList());
  }
}
