package dev.vigil.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code vigil-agent} in a fresh JVM that logs every class it loads, and checks that
 * the service commands end with their error on Linux before any Windows class loads: neither
 * jna-platform's Win32 bindings nor Vigil's own Win32 layer.
 */
class ServiceCommandsOffWindowsTest {
  private static final List<String> WINDOWS_PACKAGES =
      List.of("com.sun.jna.platform.win32.", "dev.vigil.agent.service.win32.");

  @Test
  void shouldFailClearlyWithoutLoadingAWindowsClass() throws Exception {
    for (String command : List.of("service", "install-service", "uninstall-service")) {
      Run run = agent(List.of(), command, "--collector", "127.0.0.1:7431");

      assertEquals(1, run.exit(), run.output());
      assertTrue(
          run.output().contains("vigil-agent " + command + ": Windows services exist only on"),
          run.output());
      assertEquals(List.of(), run.windowsClasses(), command);
    }
  }

  /** The check above can fail: a JVM told it runs on Windows reaches the Win32 layer. */
  @Test
  void shouldSeeTheWindowsClassesWhenTheCommandGetsPastTheCheck() throws Exception {
    Run run = agent(List.of("-Dos.name=Windows 11"), "uninstall-service");

    assertFalse(run.windowsClasses().isEmpty(), run.output());
  }

  private static Run agent(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info");
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.vigil.agent.AgentMain"));
    command.addAll(List.of(args));
    // Output goes to a file, so that a JVM that never exits cannot block the test on a pipe.
    Path log = Files.createTempFile("vigil-agent-service", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("vigil-agent " + String.join(" ", args) + " did not exit within 60 s");
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.delete(log);
    }
  }

  private record Run(int exit, String output) {
    List<String> windowsClasses() {
      return output
          .lines()
          .filter(line -> line.contains("[class,load]"))
          .filter(line -> WINDOWS_PACKAGES.stream().anyMatch(line::contains))
          .toList();
    }
  }
}
