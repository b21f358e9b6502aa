package dev.vigil.agent.collector.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.agent.metric.Labels;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadCollectorTest {

  @Test
  void shouldEmitOnlyTheAveragesThePlatformCouldRead() {
    SampleList sink = new SampleList();

    LoadCollector.emit(new double[] {0.5, -1, 2.25}, sink);

    assertEquals(
        List.of(
            new Sample(LoadCollector.LOAD1, Labels.NONE, 0.5),
            new Sample(LoadCollector.LOAD15, Labels.NONE, 2.25)),
        sink.samples());
  }
}
