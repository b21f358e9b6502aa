package dev.vigil.agent.service;

import dev.vigil.agent.Agent;
import dev.vigil.agent.AgentConfig;
import dev.vigil.agent.service.win32.Win32ServiceControlManager;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The Windows service commands of {@code vigil-agent}: {@code service} (what the Service Control
 * Manager starts), {@code install-service} and {@code uninstall-service}. On any other system each
 * ends with a clear error before a Windows class is loaded.
 */
public final class ServiceCommands {
  /** The command the Service Control Manager runs. */
  public static final String SERVICE = "service";

  /** Registers the service; needs an elevated prompt. */
  public static final String INSTALL = "install-service";

  /** Stops and removes the service; needs an elevated prompt. */
  public static final String UNINSTALL = "uninstall-service";

  static final int EXIT_FAILED = 1;

  private final String osName;
  private final Supplier<ServiceControlManager> manager;
  private final PrintStream out;
  private final PrintStream err;

  ServiceCommands(
      String osName, Supplier<ServiceControlManager> manager, PrintStream out, PrintStream err) {
    this.osName = osName;
    this.manager = manager;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs {@code command} on this machine.
   *
   * @param agentArgs the agent's flags as given after the command, already checked by {@link
   *     AgentConfig}; {@code install-service} writes them into the service's command line
   * @return the process exit code
   */
  public static int run(String command, List<String> agentArgs, AgentConfig config) {
    // A lambda, not a constructor reference: the Win32 class must not even load off Windows.
    Supplier<ServiceControlManager> win32 = () -> new Win32ServiceControlManager();
    return new ServiceCommands(System.getProperty("os.name", ""), win32, System.out, System.err)
        .execute(command, agentArgs, () -> Agent.start(config)::close, InstallEnvironment::detect);
  }

  int execute(
      String command,
      List<String> agentArgs,
      ServiceLifecycle.AgentStarter starter,
      Supplier<InstallEnvironment> environment) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      return fail(
          command,
          "Windows services exist only on Windows, and this is "
              + osName
              + "; on Linux, install deploy/systemd/vigil-agent.service (see README.md)");
    }
    try {
      switch (command) {
        case SERVICE -> {
          return manager
              .get()
              .run(
                  ServiceDefinition.NAME,
                  reporter ->
                      new ServiceLifecycle(starter, reporter, ServiceLifecycle.Timing.DEFAULT));
        }
        case INSTALL -> install(ServiceDefinition.forAgent(environment.get(), agentArgs));
        case UNINSTALL -> uninstall();
        default -> throw new IllegalArgumentException("not a service command: " + command);
      }
      return 0;
    } catch (ServiceException e) {
      return fail(command, ServiceErrorMessages.describe(ServiceDefinition.NAME, e));
    } catch (IllegalArgumentException e) {
      return fail(command, e.getMessage());
    }
  }

  private void install(ServiceDefinition definition) throws ServiceException {
    manager.get().install(definition);
    out.println("installed service " + definition.name() + " (" + definition.displayName() + ")");
    out.println("  runs: " + definition.commandLine());
    out.println("  start it with: sc.exe start " + definition.name());
  }

  private void uninstall() throws ServiceException {
    manager.get().uninstall(ServiceDefinition.NAME);
    out.println("stopped and removed service " + ServiceDefinition.NAME);
  }

  private int fail(String command, String message) {
    err.println("vigil-agent " + command + ": " + message);
    return EXIT_FAILED;
  }
}
