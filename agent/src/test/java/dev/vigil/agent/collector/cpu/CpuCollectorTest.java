package dev.vigil.agent.collector.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.hardware.CentralProcessor.TickType;

class CpuCollectorTest {

  @Test
  void shouldEmitNodeCpuSecondsPerCpuAndMode() {
    long[][] ticks = new long[2][TickType.values().length];
    ticks[0][TickType.IDLE.getIndex()] = 123_450;
    ticks[1][TickType.USER.getIndex()] = 1_500;
    ticks[1][TickType.STEAL.getIndex()] = 7;
    SampleList sink = new SampleList();

    CpuCollector.emit(ticks, sink);

    List<Sample> samples = sink.samples();
    assertEquals(16, samples.size());
    assertEquals(123.45, valueOf(samples, "0", "idle"));
    assertEquals(1.5, valueOf(samples, "1", "user"));
    assertEquals(0.007, valueOf(samples, "1", "steal"));
    assertEquals(0.0, valueOf(samples, "1", "iowait"));
    List<String> modes =
        samples.subList(0, 8).stream().map(s -> s.labels().value(1)).sorted().toList();
    assertEquals(
        List.of("idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"), modes);
  }

  private static double valueOf(List<Sample> samples, String cpu, String mode) {
    Labels labels = Labels.of("cpu", cpu, "mode", mode);
    return samples.stream()
        .filter(s -> s.metric() == CpuCollector.CPU_SECONDS && s.labels().equals(labels))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
