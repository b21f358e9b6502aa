package dev.vigil.agent.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code install-service} registers with the Service Control Manager.
 *
 * <p>Fixed choices, applied by the Win32 layer: an own-process service, started automatically with
 * a delayed start (the agent is not needed while Windows boots, and it dials out with backoff),
 * restarted on failure (also when it stops with an error rather than a crash), and run as
 * <b>LocalSystem</b>, chosen for the hardware readings: OSHI reads Windows temperatures from the
 * ACPI thermal zones in WMI ({@code MSAcpi_ThermalZoneTemperature}), which Windows serves only to
 * elevated callers (OSHI's {@code Sensors} documentation says so), so LocalService or
 * NetworkService would report no temperatures. The Windows Update Agent's search and history would
 * work under any account in Users (Microsoft's "Securing Interfaces, Methods, and Properties in the
 * WUA API"), so they do not decide it. The agent accepts no commands from the network (the
 * collector can only acknowledge), and the install script keeps its files writable by
 * administrators only, which keeps that power local.
 *
 * @param name the service's key name
 * @param displayName what the Services console shows
 * @param description the Services console's description
 * @param commandLine the image path: quoted program, JVM options, jar, {@code service}, agent flags
 * @param restartDelays the failure actions: restart after each delay in turn; the last repeats
 * @param failureResetPeriod a service running this long without failing starts the list over
 * @param preshutdownTimeout how long Windows waits at shutdown for the Goodbye
 */
public record ServiceDefinition(
    String name,
    String displayName,
    String description,
    String commandLine,
    List<Duration> restartDelays,
    Duration failureResetPeriod,
    Duration preshutdownTimeout) {

  /** The service's key name, as in {@code sc.exe query VigilAgent}. */
  public static final String NAME = "VigilAgent";

  static final String DISPLAY_NAME = "Vigil agent";
  static final String DESCRIPTION =
      "Streams this computer's hardware and patch health to a Vigil collector.";

  /**
   * JVM options of the service: {@code -Xrs} leaves stopping to the Service Control Manager (the
   * JVM would otherwise exit on its own console shutdown event, racing the Goodbye); the rest are
   * the footprint flags of deploy/agent/jvm.options, which the build copies into the jar and the
   * systemd unit reads too.
   */
  static final List<String> JVM_OPTIONS = jvmOptions();

  static final List<Duration> RESTART_DELAYS =
      List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
  static final Duration FAILURE_RESET_PERIOD = Duration.ofDays(1);

  /**
   * Room for the agent's close: the running tick, Goodbye and up to 5 s for the collector's answer,
   * and up to 5 s for the channel. Windows waits no longer at shutdown, however long this is.
   */
  static final Duration PRESHUTDOWN_TIMEOUT = Duration.ofSeconds(15);

  private static final String CONFIG_FLAG = "--config";
  private static final String JVM_OPTIONS_RESOURCE = "jvm.options";

  private static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xrs"));
    try (InputStream in = ServiceDefinition.class.getResourceAsStream(JVM_OPTIONS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(JVM_OPTIONS_RESOURCE + " is missing from the agent's jar");
      }
      // The launcher's @file syntax as deploy/agent/jvm.options uses it: one option a line, #
      // comments.
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .forEach(options::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(options);
  }

  /** The agent's service, running {@code agentArgs} with this environment's Java and jar. */
  static ServiceDefinition forAgent(InstallEnvironment environment, List<String> agentArgs) {
    List<String> arguments = new ArrayList<>(JVM_OPTIONS);
    environment
        .logbackConfig()
        .ifPresent(file -> arguments.add("-Dlogback.configurationFile=" + file));
    arguments.addAll(List.of("-jar", environment.agentJar(), ServiceCommands.SERVICE));
    arguments.addAll(withAbsoluteConfig(agentArgs, environment));
    return new ServiceDefinition(
        NAME,
        DISPLAY_NAME,
        DESCRIPTION,
        WindowsCommandLine.of(environment.javaExecutable(), arguments),
        RESTART_DELAYS,
        FAILURE_RESET_PERIOD,
        PRESHUTDOWN_TIMEOUT);
  }

  /** Flags come in pairs (AgentConfig checked them); the value after --config becomes absolute. */
  private static List<String> withAbsoluteConfig(
      List<String> agentArgs, InstallEnvironment environment) {
    List<String> result = new ArrayList<>(agentArgs);
    for (int i = 0; i + 1 < result.size(); i += 2) {
      if (result.get(i).equals(CONFIG_FLAG)) {
        result.set(i + 1, environment.absolutePath().apply(result.get(i + 1)));
      }
    }
    return result;
  }
}
