package dev.vigil.agent.collector.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessesCollectorTest {

  @Test
  void shouldReportProcessAndThreadCounts() {
    SampleList sink = new SampleList();

    ProcessesCollector.emit(212, 1480, sink);

    List<Sample> samples = sink.samples();
    assertEquals(2, samples.size());
    assertEquals("vigil_processes", samples.get(0).metric().name());
    assertEquals(212, samples.get(0).value());
    assertEquals("vigil_threads", samples.get(1).metric().name());
    assertEquals(1480, samples.get(1).value());
  }

  @Test
  void shouldLeaveOutACountThatCouldNotBeRead() {
    SampleList sink = new SampleList();

    ProcessesCollector.emit(0, -1, sink);

    assertTrue(sink.samples().isEmpty());
  }

  @Test
  void shouldCountAtLeastThisProcessAndItsThreadsOnThisHost() throws Exception {
    CollectorContext context = CollectorContext.forHost(Path.of("/proc"), Path.of("/sys"));
    SampleList sink = new SampleList();

    new ProcessesCollector(context).collect(sink);

    assertEquals(2, sink.samples().size());
    assertTrue(sink.samples().get(1).value() >= Thread.activeCount());
  }
}
