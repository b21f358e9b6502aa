package dev.vigil.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the real output of {@code vigil-agent once} on this machine with promtool. */
class AgentMainTest {
  /**
   * The one lint promtool 2.x raises on node_exporter's own output: meminfo field names such as
   * MemTotal are camelCase by design, and dashboards depend on them.
   */
  private static final Pattern ACCEPTED_LINT =
      Pattern.compile(
          "^node_memory_[A-Za-z]+_bytes metric names should be written in 'snake_case' not"
              + " 'camelCase'$");

  @Test
  void shouldPrintOneTickThatPromtoolAccepts() throws Exception {
    String text = once();

    assertTrue(text.contains("\nnode_uname_info{"), text);
    assertTrue(text.contains("vigil_agent_collector_success{collector=\"cpu\"} 1"), text);
    assertTrue(text.contains("# TYPE node_cpu_seconds_total counter"), text);

    Process promtool =
        new ProcessBuilder(promtool().toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = promtool.getOutputStream()) {
      stdin.write(text.getBytes(StandardCharsets.UTF_8));
    }
    if (!promtool.waitFor(60, TimeUnit.SECONDS)) {
      promtool.destroyForcibly();
      fail("promtool check metrics did not finish within 60 s");
    }
    String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertPromtoolAccepted(promtool.exitValue(), report, text);
  }

  @Test
  void shouldDescribeEverySettingInTheUsage() {
    for (String name : AgentConfig.builder().names()) {
      assertTrue(AgentMain.USAGE.contains("\n  --" + name + " "), "--" + name + " missing");
    }
    assertTrue(AgentMain.USAGE.contains("\n  --config FILE "), AgentMain.USAGE);
  }

  private static String once() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      AgentMain.once(AgentConfig.parse(), out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Exit 0 is clean; exit 3 means lint findings, of which only the meminfo names are accepted. */
  private static void assertPromtoolAccepted(int exit, String report, String text) {
    List<String> findings = report.lines().filter(line -> !line.isBlank()).toList();
    boolean onlyAcceptedLint =
        exit == 3 && findings.stream().allMatch(line -> ACCEPTED_LINT.matcher(line).matches());
    if (exit != 0 && !onlyAcceptedLint) {
      fail("promtool check metrics exited " + exit + ":\n" + report + "\n--- input ---\n" + text);
    }
  }

  private static Path promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    Path debian = Path.of("/usr/bin/promtool");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    throw new AssertionError(
        "promtool not found on PATH or at /usr/bin/promtool: install the Debian package"
            + " 'prometheus' (or put promtool on PATH); this check must not be skipped");
  }
}
