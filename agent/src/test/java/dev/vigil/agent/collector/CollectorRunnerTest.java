package dev.vigil.agent.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import dev.vigil.agent.metric.Sample;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {
  private static final Metric READING = Metric.gauge("test_reading", "A reading.");

  private static Collector working(String name, double value) {
    return new Collector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void collect(MetricSink sink) {
        sink.add(READING, value, "source", name);
      }
    };
  }

  private static Collector failingHalfway(String name) {
    return new Collector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void collect(MetricSink sink) throws Exception {
        sink.add(READING, 99, "source", name);
        throw new java.io.IOException("sensor unreadable");
      }
    };
  }

  private static Map<String, Double> byCollector(List<Sample> samples, Metric metric) {
    return samples.stream()
        .filter(s -> s.metric().equals(metric))
        .collect(Collectors.toMap(s -> s.labels().value(0), Sample::value));
  }

  @Test
  void shouldReportFailureOfOneCollectorWhileOthersStillReport() {
    CollectorRunner runner =
        new CollectorRunner(List.of(working("a", 1), failingHalfway("broken"), working("c", 3)));

    List<Sample> samples = runner.collect();

    assertEquals(
        Map.of("a", 1.0, "broken", 0.0, "c", 1.0), byCollector(samples, CollectorRunner.SUCCESS));
    assertEquals(3, byCollector(samples, CollectorRunner.DURATION).size());
    List<Sample> readings = samples.stream().filter(s -> s.metric() == READING).toList();
    assertEquals(
        List.of(
            new Sample(READING, Labels.of("source", "a"), 1),
            new Sample(READING, Labels.of("source", "c"), 3)),
        readings,
        "a failing collector's partial samples must be discarded");
  }

  @Test
  void shouldLogADistinctFailureOnlyOnce() {
    FailureLog log = new FailureLog();
    Exception failure = new java.io.IOException("sensor unreadable");

    assertEquals(true, log.report("sensors", failure));
    assertEquals(false, log.report("sensors", new java.io.IOException("sensor unreadable")));
    assertEquals(true, log.report("sensors", new java.io.IOException("permission denied")));
  }

  @Test
  void shouldLogADistinctReasonOnlyOnce() {
    FailureLog log = new FailureLog();

    assertEquals(true, log.report("sensors", "temp1_input: not a number"));
    assertEquals(false, log.report("sensors", "temp1_input: not a number"));
    assertEquals(true, log.report("power", "temp1_input: not a number"));
  }
}
