package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real collector and a real agent of this host, in one process, talking over loopback. */
class EndToEndTest {
  private static final Pattern IDLE_CPU0 =
      Pattern.compile(
          "^node_cpu_seconds_total\\{cpu=\"0\",mode=\"idle\",instance=\"([^\"]+)\"} (\\S+)$",
          Pattern.MULTILINE);

  @TempDir Path stateDir;
  @TempDir Path dataDir;

  @Test
  void shouldExposeTheAgentsReadingsInTextThatPromtoolAccepts() throws Exception {
    try (Collector collector = Collector.start(TestConfigs.loopback(dataDir));
        Agent agent =
            Agent.start(
                AgentConfig.builder()
                    .collector("127.0.0.1:" + collector.ingestAddress().getPort())
                    .interval(Duration.ofHours(1))
                    .stateDir(stateDir)
                    .build())) {
      agent.tickNow();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (agent.highestAckedSeq() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(agent.highestAckedSeq() > 0, "the collector acknowledged no batch within 20 s");

      URI base = URI.create("http://127.0.0.1:" + collector.httpAddress().getPort());
      String metrics = TestHttp.get(base.resolve("/metrics")).body();
      Matcher idle = IDLE_CPU0.matcher(metrics);
      assertTrue(idle.find(), "no node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} in /metrics");
      String host = idle.group(1);
      assertTrue(Double.parseDouble(idle.group(2)) > 0, "idle seconds of cpu 0 must be positive");
      assertTrue(metrics.contains("vigil_host_up{instance=\"" + host + "\"} 1\n"), metrics);
      assertTrue(metrics.contains("\nvigil_collector_samples_total "), "self metrics missing");

      String own = TestHttp.get(base.resolve("/hosts/" + host + "/metrics")).body();
      assertTrue(own.contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} "), own);
      assertTrue(own.contains("node_uname_info{"), own);
      Promtool.assertAccepts(metrics);
      Promtool.assertAccepts(own);
    }
  }
}
