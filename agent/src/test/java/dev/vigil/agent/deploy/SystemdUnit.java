package dev.vigil.agent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads and checks a shipped systemd unit, for the agent's and the collector's unit tests: the real
 * {@code systemd-analyze verify}, and the unit's settings as systemd reads them.
 *
 * <p>The invocation is {@code systemd-analyze verify <copy of the unit>} with no other options: it
 * needs neither root nor a running systemd (it works in a container whose PID 1 is not systemd). It
 * exits 0 even for an unknown or misspelt directive and only prints a warning, so a check also
 * fails on any output line that names the unit.
 */
public final class SystemdUnit {
  private SystemdUnit() {}

  /** What {@code systemd-analyze verify} said of {@code unit}. */
  public record Verification(int exit, String output, Path unit) {}

  /** Runs {@code systemd-analyze verify} on {@code unit}; a missing tool fails, never skips. */
  public static Verification verify(Path unit) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(tool("systemd-analyze").toString(), "verify", unit.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("systemd-analyze verify did not finish within 60 s");
    }
    return new Verification(process.exitValue(), output, unit);
  }

  /**
   * Lines about the unit named {@code unitName}; lines about other units of the host are not ours.
   */
  public static List<String> findingsAbout(Verification result, String unitName) {
    return result
        .output()
        .lines()
        .filter(line -> line.contains(unitName) || line.contains(result.unit().toString()))
        .toList();
  }

  /** Key and value of every setting that is not a comment, continuation lines joined. */
  public static List<String[]> activeSettings(String unitText) {
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

  /** Every value {@code key} is given, in order. */
  public static List<String> values(List<String[]> settings, String key) {
    return settings.stream().filter(s -> s[0].equals(key)).map(s -> s[1]).toList();
  }

  /** The words of the one {@code ExecStart}, split at white space. */
  public static List<String> execStart(List<String[]> settings) {
    List<String> execStart = values(settings, "ExecStart");
    assertEquals(1, execStart.size(), "one ExecStart: " + execStart);
    return List.of(execStart.get(0).split("\\s+"));
  }

  /** The JVM flags of {@code ExecStart}: what stands between {@code java} and {@code -jar}. */
  public static List<String> jvmFlags(List<String[]> settings) {
    List<String> argv = execStart(settings);
    return argv.subList(1, argv.indexOf("-jar"));
  }

  /**
   * Runs this JDK's {@code java} with {@code flags} and {@code -version}: a flag the JDK rejects
   * would make the service fail at every start.
   */
  public static void assertJvmStarts(List<String> flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-version");
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "java -version did not finish");
    assertEquals(0, jvm.exitValue(), command + "\n" + output);
  }

  /** Whether systemd reads {@code value} (lower case) as true. */
  public static boolean isTrue(String value) {
    return Set.of("yes", "true", "on", "1").contains(value);
  }

  /**
   * A systemd tool ({@code systemd-analyze}, {@code systemd-sysusers}) from PATH or /usr/bin; a
   * missing one fails with the install command.
   */
  public static Path tool(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (String fallback : List.of("/usr/bin/" + name, "/bin/" + name)) {
      if (Files.isExecutable(Path.of(fallback))) {
        return Path.of(fallback);
      }
    }
    throw new AssertionError(
        name
            + " not found on PATH or in /usr/bin: install it (Debian: apt-get install -y"
            + " systemd; .ci/run does); this check must not be skipped");
  }
}
