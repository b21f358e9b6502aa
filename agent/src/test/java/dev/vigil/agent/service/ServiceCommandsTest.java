package dev.vigil.agent.service;

import static com.sun.jna.platform.win32.WinError.ERROR_ACCESS_DENIED;
import static com.sun.jna.platform.win32.WinError.ERROR_FAILED_SERVICE_CONTROLLER_CONNECT;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_DOES_NOT_EXIST;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_EXISTS;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_MARKED_FOR_DELETE;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_REQUEST_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCommandsTest {
  private static final InstallEnvironment ENVIRONMENT =
      new InstallEnvironment(
          "C:\\Program Files\\Java\\jdk-17\\bin\\java.exe",
          "C:\\Program Files\\Vigil\\agent\\vigil-agent.jar",
          Optional.empty(),
          path -> path);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final FakeServiceControlManager manager = new FakeServiceControlManager();

  @Test
  void shouldRefuseEveryServiceCommandOffWindowsWithoutTouchingTheManager() {
    for (String command : List.of("service", "install-service", "uninstall-service")) {
      err.reset();

      int exit = commands("Linux").execute(command, List.of(), new FakeAgents(), () -> ENVIRONMENT);

      assertEquals(1, exit);
      assertEquals(
          "vigil-agent "
              + command
              + ": Windows services exist only on Windows, and this is Linux; on Linux, install"
              + " deploy/systemd/vigil-agent.service (see README.md)\n",
          err());
    }
    assertTrue(manager.installed.isEmpty() && manager.uninstalled.isEmpty());
  }

  @Test
  void shouldInstallWithTheAgentFlagsAndSayHowToStart() {
    int exit = install(List.of("--collector", "collector.example:7431"));

    assertEquals(0, exit, err());
    ServiceDefinition installed = manager.installed.get(0);
    assertTrue(
        installed.commandLine().endsWith(" service --collector collector.example:7431"),
        installed.commandLine());
    assertTrue(out().contains("installed service VigilAgent (Vigil agent)\n"), out());
    assertTrue(out().contains("sc.exe start VigilAgent"), out());
  }

  @Test
  void shouldAskForAnElevatedPromptWhenAccessIsDenied() {
    manager.failingWith(ERROR_ACCESS_DENIED, "Access is denied.");

    assertEquals(1, install(List.of()));
    assertEquals(
        "vigil-agent install-service: access denied: installing and removing a service needs an"
            + " elevated prompt (Run as administrator)\n",
        err());
  }

  @Test
  void shouldSayWhenTheServiceIsAlreadyInstalled() {
    manager.failingWith(ERROR_SERVICE_EXISTS, "The specified service already exists.");

    assertEquals(1, install(List.of()));
    assertEquals(
        "vigil-agent install-service: service VigilAgent is already installed; run"
            + " uninstall-service first\n",
        err());
  }

  @Test
  void shouldSayWhenThereIsNothingToUninstall() {
    manager.failingWith(ERROR_SERVICE_DOES_NOT_EXIST, "The specified service does not exist.");

    assertEquals(1, uninstall());
    assertEquals("vigil-agent uninstall-service: service VigilAgent is not installed\n", err());
  }

  @Test
  void shouldUninstallAndSaySo() {
    assertEquals(0, uninstall());
    assertEquals(List.of("VigilAgent"), manager.uninstalled);
    assertEquals("stopped and removed service VigilAgent\n", out());
  }

  @Test
  void shouldExplainAServiceStillHeldOpenAfterDeletion() {
    manager.failingWith(ERROR_SERVICE_MARKED_FOR_DELETE, "marked for deletion");

    assertEquals(1, install(List.of()));
    assertTrue(err().contains("close the Services console (services.msc)"), err());
  }

  @Test
  void shouldPassOnWhatWindowsSaidAboutAStopThatTookTooLong() {
    manager.failingWith(
        ERROR_SERVICE_REQUEST_TIMEOUT, "Service stop exceeded timeout time of 120000 ms");

    assertEquals(1, uninstall());
    assertEquals(
        "vigil-agent uninstall-service: service VigilAgent did not stop in time: Service stop"
            + " exceeded timeout time of 120000 ms\n",
        err());
  }

  @Test
  void shouldQuoteWindowsForAnErrorWithoutAClearerMessage() {
    manager.failingWith(1057, "The account name is invalid or does not exist.");

    assertEquals(1, install(List.of()));
    assertEquals(
        "vigil-agent install-service: Windows error 1057: The account name is invalid or does not"
            + " exist.\n",
        err());
  }

  @Test
  void shouldPointAtRunWhenTheServiceCommandIsStartedFromAConsole() {
    manager.failingWith(ERROR_FAILED_SERVICE_CONTROLLER_CONNECT, "cannot connect");

    int exit = commands("Windows 11").execute("service", List.of(), new FakeAgents(), () -> null);

    assertEquals(1, exit);
    assertTrue(err().contains("run the agent here with `vigil-agent run`"), err());
  }

  @Test
  void shouldRefuseAFlagTheServiceManagerWouldMangleBeforeCallingIt() {
    assertEquals(1, install(List.of("--label", "site=%USERDOMAIN%")));
    assertTrue(manager.installed.isEmpty());
    assertTrue(err().startsWith("vigil-agent install-service: \"site=%USERDOMAIN%\" contains %"));
  }

  @Test
  void shouldRunTheAgentUnderTheManagerUntilItSaysStop() {
    FakeAgents agents = new FakeAgents();

    int exit = commands("Windows Server 2022").execute("service", List.of(), agents, () -> null);

    assertEquals(0, exit);
    assertEquals(1, agents.started().size());
    assertEquals(1, agents.started().get(0).closes());
  }

  private int install(List<String> agentArgs) {
    return commands("Windows 11")
        .execute("install-service", agentArgs, new FakeAgents(), () -> ENVIRONMENT);
  }

  private int uninstall() {
    return commands("Windows 10")
        .execute("uninstall-service", List.of(), new FakeAgents(), () -> ENVIRONMENT);
  }

  private ServiceCommands commands(String osName) {
    return new ServiceCommands(
        osName,
        () -> manager,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
