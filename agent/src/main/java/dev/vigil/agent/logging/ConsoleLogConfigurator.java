package dev.vigil.agent.logging;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Sets up the agent's logging in code: INFO and above, one line per event on stderr (so that {@code
 * vigil-agent once} keeps stdout clean Prometheus text), and JUL (gRPC, Netty) cut off at the same
 * levels. Found by Logback through {@code META-INF/services}.
 *
 * <p>Why not {@code logback.xml}: reading XML loads Joran and the JDK's XML parser, about 500
 * classes that stay in metaspace for the life of the agent, for a configuration that never changes.
 * A file named by {@code -Dlogback.configurationFile} (the Windows service's log file) still wins:
 * then this configurator steps aside and Logback reads that file as usual.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    return configure(context, System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY));
  }

  /** Configures {@code context} unless {@code configFile}, when set, is to configure it. */
  ExecutionStatus configure(LoggerContext context, String configFile) {
    if (configFile != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    propagateLevelsToJul(context);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr(context));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Makes JUL skip records below Logback's levels instead of formatting them. */
  private static void propagateLevelsToJul(LoggerContext context) {
    LevelChangePropagator propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    context.addListener(propagator);
    propagator.start();
  }

  private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("CONSOLE");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
