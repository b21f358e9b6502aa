package dev.vigil.agent.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.Sample;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextWriterTest {
  private static final Metric CPU =
      Metric.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.");
  private static final Metric TEMP =
      Metric.gauge("test_temp_celsius", "Help with \\ and\nnewline.");
  private static final Metric BOOT = Metric.gauge("node_boot_time_seconds", "Node boot time.");

  @Test
  void shouldWriteGroupedFamiliesWithEscapesAndSpecialValues() throws IOException {
    List<Sample> samples =
        List.of(
            new Sample(CPU, Labels.of("mode", "idle", "cpu", "0"), 123.45),
            new Sample(TEMP, Labels.of("sensor", "quote\" back\\ nl\n"), Double.NaN),
            new Sample(CPU, Labels.of("cpu", "1", "mode", "idle"), 1e15),
            new Sample(TEMP, Labels.of("sensor", "hot"), Double.POSITIVE_INFINITY),
            new Sample(TEMP, Labels.of("sensor", "cold"), Double.NEGATIVE_INFINITY),
            new Sample(BOOT, Labels.NONE, 1_795_427_638),
            new Sample(TEMP, Labels.of("sensor", "neg"), -0.5));
    StringBuilder out = new StringBuilder();

    PrometheusTextWriter.write(samples, out);

    assertEquals(
        """
        # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
        # TYPE node_cpu_seconds_total counter
        node_cpu_seconds_total{cpu="0",mode="idle"} 123.45
        node_cpu_seconds_total{cpu="1",mode="idle"} 1000000000000000
        # HELP test_temp_celsius Help with \\\\ and\\nnewline.
        # TYPE test_temp_celsius gauge
        test_temp_celsius{sensor="quote\\" back\\\\ nl\\n"} NaN
        test_temp_celsius{sensor="hot"} +Inf
        test_temp_celsius{sensor="cold"} -Inf
        test_temp_celsius{sensor="neg"} -0.5
        # HELP node_boot_time_seconds Node boot time.
        # TYPE node_boot_time_seconds gauge
        node_boot_time_seconds 1795427638
        """,
        out.toString());
  }

  @Test
  void shouldPrintIntegralValuesWithoutExponentAtAnyMagnitude() {
    assertEquals("25276502016", PrometheusTextWriter.formatValue(25_276_502_016.0));
    assertEquals("100000000000000000000", PrometheusTextWriter.formatValue(1e20));
    assertEquals("0", PrometheusTextWriter.formatValue(-0.0));
    assertEquals("1.5E-4", PrometheusTextWriter.formatValue(0.00015));
  }
}
