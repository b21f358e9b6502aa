package dev.vigil.agent.collector.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;
import oshi.util.PlatformEnum;

class SystemCollectorTest {

  @TempDir Path procRoot;

  @Test
  void shouldReportUnameFromProcRootAndTimeFromTheClock() throws Exception {
    Path kernel = Files.createDirectories(procRoot.resolve("sys/kernel"));
    Files.writeString(kernel.resolve("ostype"), "Linux\n");
    Files.writeString(kernel.resolve("osrelease"), "6.1.0\n");
    Files.writeString(kernel.resolve("version"), "#1 SMP\n");
    Files.writeString(kernel.resolve("hostname"), "fixture-host\n");
    Files.writeString(kernel.resolve("domainname"), "example.org\n");
    Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_250L), ZoneOffset.UTC);
    CollectorContext context =
        new CollectorContext(new SystemInfo(), clock, PlatformEnum.LINUX, procRoot);
    SampleList sink = new SampleList();

    new SystemCollector(context).collect(sink);

    List<Sample> samples = sink.samples();
    Sample uname = find(samples, "node_uname_info");
    assertEquals(1, uname.value());
    assertEquals(
        List.of(
            "domainname", "example.org",
            "machine", Uname.machine(System.getProperty("os.arch")),
            "nodename", "fixture-host",
            "release", "6.1.0",
            "sysname", "Linux",
            "version", "#1 SMP"),
        uname.labels().pairs());
    assertEquals(1_700_000_000.25, find(samples, "node_time_seconds").value());
    assertTrue(find(samples, "node_boot_time_seconds").value() > 0);
  }

  private static Sample find(List<Sample> samples, String name) {
    return samples.stream().filter(s -> s.metric().name().equals(name)).findFirst().orElseThrow();
  }
}
