package dev.vigil.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ConsoleLogConfiguratorTest {
  /** The line the agent's former logback.xml wrote, e.g. 2026-11-23T12:40:39.346Z INFO Agent - … */
  private static final String LINE =
      "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) %-5s %s - %s\n";

  @Test
  void shouldWriteOneLinePerEventToStderrAtInfoAndAbove() {
    String err =
        stderrOfConfigured(
            context -> {
              Logger logger = context.getLogger("dev.vigil.agent.Agent");
              logger.debug("not shown");
              logger.info("agent shipping every 15s");
              logger.warn("stream ended");
            });

    List<String> lines = err.lines().map(line -> line + "\n").toList();
    assertEquals(2, lines.size(), err);
    assertTrue(
        lines.get(0).matches(LINE.formatted("INFO", "Agent", "agent shipping every 15s")), err);
    assertTrue(lines.get(1).matches(LINE.formatted("WARN", "Agent", "stream ended")), err);
  }

  @Test
  void shouldPrintTheStackTraceOfAnException() {
    String err =
        stderrOfConfigured(
            context ->
                context.getLogger("x.Shipper").warn("failed", new IllegalStateException("boom")));

    assertTrue(
        err.contains(" WARN  Shipper - failed\njava.lang.IllegalStateException: boom\n"), err);
    assertTrue(err.contains("\n\tat dev.vigil.agent.logging.ConsoleLogConfiguratorTest."), err);
  }

  @Test
  void shouldCutJulOffAtLogbackLevels() {
    LoggerContext context = newContext();
    new ConsoleLogConfigurator().configure(context, null);
    context.getLogger("io.grpc").setLevel(Level.WARN);

    assertEquals(java.util.logging.Level.INFO, java.util.logging.Logger.getLogger("").getLevel());
    assertEquals(
        java.util.logging.Level.WARNING, java.util.logging.Logger.getLogger("io.grpc").getLevel());
    context.stop();
  }

  @Test
  void shouldStepAsideForAConfigurationFileNamedOnTheCommandLine() {
    LoggerContext context = newContext();

    ExecutionStatus status =
        new ConsoleLogConfigurator().configure(context, "C:\\Vigil\\logback.xml");

    assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, status);
    assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
  }

  @Test
  void shouldBeFoundByLogbackAsAService() {
    List<String> found =
        ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()).toList();

    assertEquals(List.of(ConsoleLogConfigurator.class.getName()), found);
  }

  private static LoggerContext newContext() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    return context;
  }

  /**
   * Configures a fresh context, runs {@code logging} against it with System.err captured
   * (ConsoleAppender writes to it at each event) and returns what was written.
   */
  private static String stderrOfConfigured(Consumer<LoggerContext> logging) {
    LoggerContext context = newContext();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(
          ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY,
          new ConsoleLogConfigurator().configure(context, null));
      logging.accept(context);
    } finally {
      System.setErr(original);
      context.stop();
    }
    assertNoWarnings(context);
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static void assertNoWarnings(LoggerContext context) {
    List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
    assertEquals(
        List.of(), statuses.stream().filter(status -> status.getLevel() >= Status.WARN).toList());
  }
}
