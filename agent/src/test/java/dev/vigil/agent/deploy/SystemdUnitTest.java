package dev.vigil.agent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the shipped {@code deploy/systemd/vigil-agent.service} with the real {@code
 * systemd-analyze verify}, keeps out the options that break a monitoring agent, and starts a JVM
 * with the unit's JVM flags ({@link SystemdUnit} says how the unit is verified).
 */
class SystemdUnitTest {
  private static final Path UNIT = Path.of("../deploy/systemd/vigil-agent.service");
  private static final Path JVM_OPTIONS = Path.of("../deploy/agent/jvm.options");
  private static final String JVM_OPTIONS_INSTALLED = "@/usr/share/vigil/vigil-agent.jvm.options";
  private static final String UNIT_NAME = "vigil-agent.service";

  @Test
  void shouldPassSystemdAnalyzeVerifyWithoutFindings(@TempDir Path dir) throws Exception {
    Path copy = Files.copy(UNIT, dir.resolve(UNIT_NAME));

    SystemdUnit.Verification result = SystemdUnit.verify(copy);

    assertEquals(0, result.exit(), "systemd-analyze verify exited non-zero:\n" + result.output());
    assertEquals(
        List.of(),
        SystemdUnit.findingsAbout(result, UNIT_NAME),
        "full output:\n" + result.output());
  }

  /** The check above can fail: a misspelt directive in a copy is reported. */
  @Test
  void shouldReportAMisspeltDirective(@TempDir Path dir) throws Exception {
    String text = Files.readString(UNIT, StandardCharsets.UTF_8);
    assertTrue(text.contains("\nProtectClock=yes\n"), "the unit no longer sets ProtectClock=yes");
    Path broken = dir.resolve(UNIT_NAME);
    Files.writeString(broken, text.replace("\nProtectClock=yes\n", "\nProtectClok=yes\n"));

    SystemdUnit.Verification result = SystemdUnit.verify(broken);

    assertFalse(
        SystemdUnit.findingsAbout(result, UNIT_NAME).isEmpty(), "no finding:\n" + result.output());
    assertTrue(result.output().contains("ProtectClok"), result.output());
  }

  @Test
  void shouldNotUseTheOptionsThatBreakAMonitoringAgent() throws IOException {
    List<String[]> settings =
        SystemdUnit.activeSettings(Files.readString(UNIT, StandardCharsets.UTF_8));
    for (String[] setting : settings) {
      String key = setting[0];
      String value = setting[1].toLowerCase(Locale.ROOT);
      String line = key + "=" + setting[1];
      switch (key) {
        case "ProcSubset" -> assertFalse(value.equals("pid"), line + " hides /proc/stat, meminfo");
        case "ProtectProc" ->
            assertTrue(value.equals("default"), line + " hides processes from the counts");
        case "PrivateNetwork" ->
            assertFalse(
                SystemdUnit.isTrue(value), line + " hides the interfaces and the collector");
        case "MemoryDenyWriteExecute" ->
            assertFalse(SystemdUnit.isTrue(value), line + " breaks the JIT");
        case "NoExecPaths" -> fail(line + " can break JNA's native library");
        case "PrivateDevices" ->
            assertFalse(
                SystemdUnit.isTrue(value), line + " hides block devices from OSHI's disk info");
        default -> {}
      }
    }
  }

  @Test
  void shouldKeepJnaAndTheSpoolInTheStateDirectory() throws IOException {
    List<String[]> settings =
        SystemdUnit.activeSettings(Files.readString(UNIT, StandardCharsets.UTF_8));

    assertEquals(List.of("vigil-agent"), SystemdUnit.values(settings, "StateDirectory"));
    assertEquals(List.of("yes"), SystemdUnit.values(settings, "DynamicUser"));
    assertEquals(
        List.of("-/etc/default/vigil-agent"), SystemdUnit.values(settings, "EnvironmentFile"));
    List<String> argv = SystemdUnit.execStart(settings);
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
    assertEquals(List.of("SIGTERM"), SystemdUnit.values(settings, "KillSignal"));
    assertEquals(List.of("143"), SystemdUnit.values(settings, "SuccessExitStatus"));
  }

  /**
   * A JVM flag that this JDK rejects would make the service fail at every start: the unit's own
   * flags and those of deploy/agent/jvm.options, which it reads as an argument file.
   */
  @Test
  void shouldStartAJvmWithTheUnitsFlags(@TempDir Path stateDir) throws Exception {
    List<String[]> settings =
        SystemdUnit.activeSettings(Files.readString(UNIT, StandardCharsets.UTF_8));
    List<String> flags = new ArrayList<>();
    for (String flag : SystemdUnit.jvmFlags(settings)) {
      flags.add(
          flag.replace(JVM_OPTIONS_INSTALLED, "@" + JVM_OPTIONS.toAbsolutePath())
              .replace("%S/vigil-agent", stateDir.toString()));
    }

    SystemdUnit.assertJvmStarts(flags);
  }
}
