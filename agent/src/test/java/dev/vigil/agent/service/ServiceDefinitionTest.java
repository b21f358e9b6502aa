package dev.vigil.agent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceDefinitionTest {
  private static final String JAVA =
      "C:\\Program Files\\Eclipse Adoptium\\jdk-17.0.15\\bin\\java.exe";
  private static final String JAR = "C:\\Program Files\\Vigil\\agent\\vigil-agent.jar";
  private static final String LOGBACK = "C:\\Program Files\\Vigil\\agent\\logback.xml";
  private static final Path JVM_OPTIONS_FILE = Path.of("../deploy/agent/jvm.options");

  private static InstallEnvironment environment(Optional<String> logback) {
    return new InstallEnvironment(JAVA, JAR, logback, path -> "C:\\Users\\admin\\" + path);
  }

  @Test
  void shouldRunTheServiceCommandWithThisJavaAndJarWhateverTheSpaces() {
    ServiceDefinition definition =
        ServiceDefinition.forAgent(
            environment(Optional.of(LOGBACK)),
            List.of("--collector", "collector.example:7431", "--label", "site=Head Office"));

    List<String> expected = new ArrayList<>(List.of(JAVA));
    expected.addAll(ServiceDefinition.JVM_OPTIONS);
    expected.addAll(
        List.of(
            "-Dlogback.configurationFile=" + LOGBACK,
            "-jar",
            JAR,
            "service",
            "--collector",
            "collector.example:7431",
            "--label",
            "site=Head Office"));
    assertEquals(expected, MsvcrtArgumentParser.split(definition.commandLine()));
    assertTrue(definition.commandLine().startsWith("\"" + JAVA + "\" "), definition.commandLine());
  }

  @Test
  void shouldMakeTheConfigPathAbsoluteBecauseAServiceStartsInSystem32() {
    ServiceDefinition definition =
        ServiceDefinition.forAgent(
            environment(Optional.empty()),
            List.of("--label", "config=x", "--config", "agent.yaml"));

    List<String> argv = MsvcrtArgumentParser.split(definition.commandLine());
    assertEquals(
        List.of("--label", "config=x", "--config", "C:\\Users\\admin\\agent.yaml"),
        argv.subList(argv.indexOf("service") + 1, argv.size()));
  }

  @Test
  void shouldLeaveLoggingToTheJarsDefaultWithoutALogbackFileNextToIt() {
    ServiceDefinition definition =
        ServiceDefinition.forAgent(environment(Optional.empty()), List.of());

    assertTrue(
        MsvcrtArgumentParser.split(definition.commandLine()).stream()
            .noneMatch(arg -> arg.startsWith("-Dlogback")),
        definition.commandLine());
  }

  @Test
  void shouldRestartOnFailureWithRisingDelaysAndGiveTheGoodbyeTimeAtShutdown() {
    ServiceDefinition definition =
        ServiceDefinition.forAgent(environment(Optional.empty()), List.of());

    assertEquals("VigilAgent", definition.name());
    assertEquals(
        List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5)),
        definition.restartDelays());
    assertEquals(Duration.ofDays(1), definition.failureResetPeriod());
    // Goodbye waits up to 5 s for the collector and 5 s for the channel.
    assertTrue(definition.preshutdownTimeout().compareTo(Duration.ofSeconds(10)) > 0);
  }

  /** The footprint flags are measured once; the two service definitions must not drift apart. */
  @Test
  void shouldUseTheMeasuredJvmFlagsOfDeployAgentJvmOptions() throws IOException {
    List<String> measured =
        Files.readAllLines(JVM_OPTIONS_FILE, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();

    List<String> serviceFlags = new ArrayList<>(ServiceDefinition.JVM_OPTIONS);
    assertTrue(serviceFlags.remove("-Xrs"), "the service must leave stopping to the SCM");
    assertEquals(measured, serviceFlags);
    assertTrue(measured.contains("-XX:+UseSerialGC"), measured.toString());
  }
}
