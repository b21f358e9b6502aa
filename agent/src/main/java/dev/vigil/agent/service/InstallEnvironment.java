package dev.vigil.agent.service;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the running installation lives: the Java that runs {@code install-service} and the jar it
 * runs from become the service's program and jar, so the service runs exactly what was installed.
 *
 * @param javaExecutable {@code java.exe} of this runtime
 * @param agentJar the jar this code was loaded from
 * @param logbackConfig a {@code logback.xml} next to the jar (deploy/windows puts one there): a
 *     service has no console, so without it the log is lost
 * @param absolutePath makes a path given on the command line absolute against the current folder,
 *     since a service starts in {@code C:\Windows\System32}
 */
record InstallEnvironment(
    String javaExecutable,
    String agentJar,
    Optional<String> logbackConfig,
    UnaryOperator<String> absolutePath) {

  /** The environment of this process. */
  static InstallEnvironment detect() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java.exe");
    Path jar = codeSource();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "install-service must run from vigil-agent.jar (java -jar vigil-agent.jar"
              + " install-service), not from "
              + jar);
    }
    Path logback = jar.resolveSibling("logback.xml");
    return new InstallEnvironment(
        java.toString(),
        jar.toString(),
        Files.isRegularFile(logback) ? Optional.of(logback.toString()) : Optional.empty(),
        path -> Path.of(path).toAbsolutePath().normalize().toString());
  }

  private static Path codeSource() {
    try {
      return Path.of(
          InstallEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the agent's jar", e);
    }
  }
}
