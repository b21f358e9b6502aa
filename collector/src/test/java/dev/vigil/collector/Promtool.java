package dev.vigil.collector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the real {@code promtool check metrics} and {@code check rules} (Debian package prometheus).
 */
public final class Promtool {
  /**
   * The one lint finding allowed: node_exporter's meminfo names keep the kernel's camelCase, and
   * Vigil keeps node_exporter's names; node_exporter's own checkmetrics.sh skips the same.
   */
  private static final Pattern INHERITED_NAME =
      Pattern.compile(
          "node_memory_\\w+ metric names should be written in 'snake_case' not 'camelCase'");

  /** promtool's exit status when it found lint problems only. */
  private static final int LINT_PROBLEMS = 3;

  private Promtool() {}

  /** Fails unless promtool accepts {@code exposition}, showing what it said. */
  public static void assertAccepts(String exposition) throws Exception {
    Process promtool =
        new ProcessBuilder(ExternalTools.require("promtool", "prometheus"), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream stdin = promtool.getOutputStream()) {
      stdin.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
    int exit = promtool.exitValue();
    boolean onlyInherited =
        exit == LINT_PROBLEMS
            && output.lines().allMatch(line -> INHERITED_NAME.matcher(line).matches());
    assertTrue(
        exit == 0 || onlyInherited,
        "promtool check metrics exited " + exit + ":\n" + output + "\non:\n" + exposition);
  }

  /**
   * Fails unless {@code promtool check rules} accepts the rule file, showing what it said.
   *
   * @return promtool's output
   */
  public static String assertRulesAccepted(Path ruleFile) throws Exception {
    return assertSucceeds("check", "rules", ruleFile.toString());
  }

  /**
   * Fails unless {@code promtool test rules} passes the unit-test file, showing what it said (for a
   * {@code promql_expr_test}, the expected and the actual samples of each disagreement).
   */
  public static void assertRuleTestsPass(Path testFile) throws Exception {
    assertSucceeds("test", "rules", testFile.toString());
  }

  private static String assertSucceeds(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = ExternalTools.require("promtool", "prometheus");
    System.arraycopy(args, 0, command, 1, args.length);
    Process promtool = new ProcessBuilder(command).redirectErrorStream(true).start();
    promtool.getOutputStream().close();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(promtool.waitFor(120, TimeUnit.SECONDS), "promtool did not finish");
    assertTrue(
        promtool.exitValue() == 0,
        "promtool " + String.join(" ", args) + " exited " + promtool.exitValue() + ":\n" + output);
    return output;
  }
}
