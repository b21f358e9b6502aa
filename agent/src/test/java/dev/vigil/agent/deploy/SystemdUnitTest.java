package dev.vigil.agent.deploy;

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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the shipped {@code deploy/systemd/vigil-agent.service} with the real {@code
 * systemd-analyze verify}, keeps out the options that break a monitoring agent, and starts a JVM
 * with the unit's JVM flags.
 *
 * <p>The invocation is {@code systemd-analyze verify <copy of the unit>} with no other options: it
 * needs neither root nor a running systemd (it works in a container whose PID 1 is not systemd). It
 * exits 0 even for an unknown or misspelt directive and only prints a warning, so the test also
 * fails on any output line that names the unit.
 */
class SystemdUnitTest {
  private static final Path UNIT = Path.of("../deploy/systemd/vigil-agent.service");
  private static final Path JVM_OPTIONS = Path.of("../deploy/agent/jvm.options");
  private static final String JVM_OPTIONS_INSTALLED = "@/usr/share/vigil/vigil-agent.jvm.options";
  private static final String UNIT_NAME = "vigil-agent.service";

  @Test
  void shouldPassSystemdAnalyzeVerifyWithoutFindings(@TempDir Path dir) throws Exception {
    Path copy = Files.copy(UNIT, dir.resolve(UNIT_NAME));

    Verification result = verify(copy);

    assertEquals(0, result.exit(), "systemd-analyze verify exited non-zero:\n" + result.output());
    assertEquals(List.of(), findingsAbout(result), "full output:\n" + result.output());
  }

  /** The check above can fail: a misspelt directive in a copy is reported. */
  @Test
  void shouldReportAMisspeltDirective(@TempDir Path dir) throws Exception {
    String text = Files.readString(UNIT, StandardCharsets.UTF_8);
    assertTrue(text.contains("\nProtectClock=yes\n"), "the unit no longer sets ProtectClock=yes");
    Path broken = dir.resolve(UNIT_NAME);
    Files.writeString(broken, text.replace("\nProtectClock=yes\n", "\nProtectClok=yes\n"));

    Verification result = verify(broken);

    assertFalse(findingsAbout(result).isEmpty(), "no finding:\n" + result.output());
    assertTrue(result.output().contains("ProtectClok"), result.output());
  }

  @Test
  void shouldNotUseTheOptionsThatBreakAMonitoringAgent() throws IOException {
    List<String[]> settings = activeSettings(Files.readString(UNIT, StandardCharsets.UTF_8));
    for (String[] setting : settings) {
      String key = setting[0];
      String value = setting[1].toLowerCase(Locale.ROOT);
      String line = key + "=" + setting[1];
      switch (key) {
        case "ProcSubset" -> assertFalse(value.equals("pid"), line + " hides /proc/stat, meminfo");
        case "ProtectProc" ->
            assertTrue(value.equals("default"), line + " hides processes from the counts");
        case "PrivateNetwork" ->
            assertFalse(isTrue(value), line + " hides the interfaces and the collector");
        case "MemoryDenyWriteExecute" -> assertFalse(isTrue(value), line + " breaks the JIT");
        case "NoExecPaths" -> fail(line + " can break JNA's native library");
        case "PrivateDevices" ->
            assertFalse(isTrue(value), line + " hides block devices from OSHI's disk info");
        default -> {}
      }
    }
  }

  @Test
  void shouldKeepJnaAndTheSpoolInTheStateDirectory() throws IOException {
    List<String[]> settings = activeSettings(Files.readString(UNIT, StandardCharsets.UTF_8));

    assertEquals(List.of("vigil-agent"), values(settings, "StateDirectory"));
    assertEquals(List.of("yes"), values(settings, "DynamicUser"));
    assertEquals(List.of("-/etc/default/vigil-agent"), values(settings, "EnvironmentFile"));
    List<String> execStart = values(settings, "ExecStart");
    assertEquals(1, execStart.size(), "one ExecStart: " + execStart);
    List<String> argv = List.of(execStart.get(0).split("\\s+"));
    assertEquals("/usr/bin/java", argv.get(0));
    assertEquals(JVM_OPTIONS_INSTALLED, argv.get(1), "the measured flags, as an argument file");
    assertTrue(argv.contains("-Djna.tmpdir=%S/vigil-agent"), "jna.tmpdir: " + argv);
    assertEquals(
        List.of(
            "-jar",
            "/usr/share/vigil/vigil-agent.jar",
            "run",
            "--config",
            "/etc/vigil/agent.yaml",
            "$VIGIL_AGENT_ARGS"),
        argv.subList(argv.size() - 6, argv.size()));
    assertEquals(List.of("SIGTERM"), values(settings, "KillSignal"));
    assertEquals(List.of("143"), values(settings, "SuccessExitStatus"));
  }

  /**
   * A JVM flag that this JDK rejects would make the service fail at every start: the unit's own
   * flags and those of deploy/agent/jvm.options, which it reads as an argument file.
   */
  @Test
  void shouldStartAJvmWithTheUnitsFlags(@TempDir Path stateDir) throws Exception {
    List<String[]> settings = activeSettings(Files.readString(UNIT, StandardCharsets.UTF_8));
    List<String> argv = List.of(values(settings, "ExecStart").get(0).split("\\s+"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : argv.subList(1, argv.indexOf("-jar"))) {
      command.add(
          arg.replace(JVM_OPTIONS_INSTALLED, "@" + JVM_OPTIONS.toAbsolutePath())
              .replace("%S/vigil-agent", stateDir.toString()));
    }
    command.add("-version");

    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "java -version did not finish");

    assertEquals(0, jvm.exitValue(), command + "\n" + output);
  }

  private record Verification(int exit, String output, Path unit) {}

  private static Verification verify(Path unit) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(systemdAnalyze().toString(), "verify", unit.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("systemd-analyze verify did not finish within 60 s");
    }
    return new Verification(process.exitValue(), output, unit);
  }

  /** Lines about our unit; lines about other units of the host are not ours to fix. */
  private static List<String> findingsAbout(Verification result) {
    return result
        .output()
        .lines()
        .filter(line -> line.contains(UNIT_NAME) || line.contains(result.unit().toString()))
        .toList();
  }

  /** Key and value of every setting that is not a comment, continuation lines joined. */
  private static List<String[]> activeSettings(String unitText) {
    List<String[]> settings = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    for (String raw : unitText.split("\n", -1)) {
      String line = raw.strip();
      if (logical.isEmpty() && (line.startsWith("#") || line.startsWith(";"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        logical.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      logical.append(line);
      String setting = logical.toString().strip();
      logical.setLength(0);
      int eq = setting.indexOf('=');
      if (eq > 0 && !setting.startsWith("[")) {
        settings.add(
            new String[] {setting.substring(0, eq).strip(), setting.substring(eq + 1).strip()});
      }
    }
    return settings;
  }

  private static List<String> values(List<String[]> settings, String key) {
    return settings.stream().filter(s -> s[0].equals(key)).map(s -> s[1]).toList();
  }

  private static boolean isTrue(String value) {
    return Set.of("yes", "true", "on", "1").contains(value);
  }

  private static Path systemdAnalyze() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "systemd-analyze");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (String fallback : List.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze")) {
      if (Files.isExecutable(Path.of(fallback))) {
        return Path.of(fallback);
      }
    }
    throw new AssertionError(
        "systemd-analyze not found on PATH or in /usr/bin: install it (Debian: apt-get install -y"
            + " systemd; .ci/run does); this check must not be skipped");
  }
}
