package dev.vigil.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the shipped {@code deploy/windows/logback.xml} with Logback itself and writes through it.
 */
class WindowsServiceLogbackTest {
  private static final Path CONFIG = Path.of("../deploy/windows/logback.xml");

  @Test
  void shouldWriteTheServiceLogUnderProgramData(@TempDir Path programData) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    // Logback looks up context properties before the environment, where Windows has ProgramData.
    context.putProperty("ProgramData", programData.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);

    configurator.doConfigure(CONFIG.toFile());
    context.getLogger("dev.vigil.agent.Agent").info("agent shipping every 15s");
    context.stop();

    List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
    assertEquals(
        List.of(),
        statuses.stream().filter(status -> status.getLevel() >= Status.WARN).toList(),
        "Logback's warnings and errors");
    String log =
        Files.readString(programData.resolve("Vigil/agent/logs/agent.log"), StandardCharsets.UTF_8);
    assertEquals(1, log.lines().count(), log);
    assertTrue(log.endsWith(" INFO  Agent - agent shipping every 15s\n"), log);
  }
}
