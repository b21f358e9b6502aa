package dev.vigil.collector.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.deploy.SystemdUnit;
import dev.vigil.collector.CollectorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the shipped {@code deploy/systemd/vigil-collector.service} with the real {@code
 * systemd-analyze verify}, its system user with the real {@code systemd-sysusers}, the collector's
 * own parser on the unit's command line, and a JVM started with its flags. (That {@code
 * systemd-analyze verify} reports a misspelt directive is shown once, by the agent's unit test.)
 */
class CollectorUnitTest {
  private static final Path UNIT = Path.of("../deploy/systemd/vigil-collector.service");
  private static final Path SYSUSERS = Path.of("../deploy/systemd/vigil-collector.sysusers");
  private static final String UNIT_NAME = "vigil-collector.service";
  private static final String USER = "vigil-collector";

  private final List<String[]> settings;

  CollectorUnitTest() throws Exception {
    settings = SystemdUnit.activeSettings(Files.readString(UNIT, StandardCharsets.UTF_8));
  }

  @Test
  void shouldPassSystemdAnalyzeVerifyWithoutFindings(@TempDir Path dir) throws Exception {
    SystemdUnit.Verification result = SystemdUnit.verify(Files.copy(UNIT, dir.resolve(UNIT_NAME)));

    assertEquals(0, result.exit(), "systemd-analyze verify exited non-zero:\n" + result.output());
    assertEquals(
        List.of(), SystemdUnit.findingsAbout(result, UNIT_NAME), "output:\n" + result.output());
  }

  @Test
  void shouldRunAsTheSystemUserItsSysusersFileCreates() throws Exception {
    assertEquals(List.of(USER), SystemdUnit.values(settings, "User"));
    assertEquals(List.of(USER), SystemdUnit.values(settings, "Group"));
    Process dryRun =
        new ProcessBuilder(
                SystemdUnit.tool("systemd-sysusers").toString(),
                "--dry-run",
                SYSUSERS.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(dryRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(dryRun.waitFor(60, TimeUnit.SECONDS), "systemd-sysusers did not finish");

    assertEquals(0, dryRun.exitValue(), output);
    boolean known =
        Files.readString(Path.of("/etc/passwd")).lines().anyMatch(l -> l.startsWith(USER + ":"));
    assertTrue(
        known || output.contains("Creating user '" + USER + "'"),
        "the sysusers file creates no user " + USER + ":\n" + output);
  }

  @Test
  void shouldKeepTheIncidentStoreInTheStateDirectoryAndNeverBreakTheJit(@TempDir Path state)
      throws Exception {
    List<String> argv = SystemdUnit.execStart(settings);
    List<String> flags = new ArrayList<>();
    for (String arg : argv.subList(argv.indexOf("-jar") + 2, argv.size() - 1)) {
      flags.add(arg.replace("%S/vigil-collector", state.toString()));
    }

    assertEquals("/usr/bin/java", argv.get(0));
    assertEquals("/usr/share/vigil/vigil-collector.jar", argv.get(argv.indexOf("-jar") + 1));
    assertEquals("$VIGIL_COLLECTOR_ARGS", argv.get(argv.size() - 1));
    assertEquals("run", flags.get(0));
    CollectorConfig config =
        CollectorConfig.parse(flags.subList(1, flags.size()).toArray(String[]::new));
    assertEquals(state.resolve("incidents.db").toString(), config.incidentStore());
    assertEquals(List.of(USER), SystemdUnit.values(settings, "StateDirectory"));
    assertEquals(List.of("0077"), SystemdUnit.values(settings, "UMask"));
    assertEquals(
        List.of("-/etc/default/vigil-collector"), SystemdUnit.values(settings, "EnvironmentFile"));
    assertEquals(List.of("/bin/kill -HUP $MAINPID"), SystemdUnit.values(settings, "ExecReload"));
    for (String[] setting : settings) {
      if (setting[0].equals("MemoryDenyWriteExecute") || setting[0].equals("PrivateNetwork")) {
        assertFalse(SystemdUnit.isTrue(setting[1].toLowerCase()), String.join("=", setting));
      }
    }
    SystemdUnit.assertJvmStarts(SystemdUnit.jvmFlags(settings));
  }
}
