package dev.vigil.agent.service;

import static com.sun.jna.platform.win32.WinError.ERROR_CALL_NOT_IMPLEMENTED;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_SPECIFIC_ERROR;
import static com.sun.jna.platform.win32.WinError.NO_ERROR;
import static com.sun.jna.platform.win32.WinUser.PBT_APMPOWERSTATUSCHANGE;
import static com.sun.jna.platform.win32.WinUser.PBT_APMRESUMEAUTOMATIC;
import static com.sun.jna.platform.win32.WinUser.PBT_APMRESUMESUSPEND;
import static com.sun.jna.platform.win32.WinUser.PBT_APMSUSPEND;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_PAUSE_CONTINUE;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_POWEREVENT;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_PRESHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_SHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_STOP;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_INTERROGATE;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_PAUSE;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_POWEREVENT;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_PRESHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_SHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_STOP;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_RUNNING;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_START_PENDING;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_STOPPED;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_STOP_PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.proto.v1.Goodbye;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceLifecycleTest {
  private static final ServiceLifecycle.Timing FAST =
      new ServiceLifecycle.Timing(
          Duration.ofMillis(10), Duration.ofSeconds(20), Duration.ofSeconds(20));

  private final RecordingReporter reporter = new RecordingReporter();
  private ServiceLifecycle current;
  private CompletableFuture<Integer> running;

  /** A test that failed half-way must not leave its service waiting for a stop forever. */
  @AfterEach
  void stopWhatIsStillRunning() {
    if (running != null && !running.isDone()) {
      current.control(SERVICE_CONTROL_STOP, 0);
    }
  }

  @Test
  void shouldReportStartPendingThenRunningWithTheControlsItHandles() throws Exception {
    ServiceLifecycle lifecycle = start(new FakeAgents());

    ServiceStatus runningStatus = reporter.await(s -> s.state() == SERVICE_RUNNING);

    ServiceStatus first = reporter.reports().get(0);
    assertEquals(SERVICE_START_PENDING, first.state());
    assertEquals(0, first.controlsAccepted(), "no control may arrive while starting");
    assertTrue(first.checkPoint() > 0 && first.waitHintMillis() > 0, first.toString());
    assertEquals(
        SERVICE_ACCEPT_STOP
            | SERVICE_ACCEPT_SHUTDOWN
            | SERVICE_ACCEPT_PRESHUTDOWN
            | SERVICE_ACCEPT_POWEREVENT,
        runningStatus.controlsAccepted());
    assertEquals(0, runningStatus.checkPoint());
    assertEquals(0, runningStatus.controlsAccepted() & SERVICE_ACCEPT_PAUSE_CONTINUE);
    stop(lifecycle);
  }

  @Test
  void shouldCloseTheAgentOnStopAndReportStopped() throws Exception {
    FakeAgents agents = new FakeAgents();
    ServiceLifecycle lifecycle = start(agents);
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_STOP, 0));

    assertEquals(0, running.get(20, TimeUnit.SECONDS));
    assertEquals(1, agents.started().get(0).closes());
    assertEquals(
        List.of(SERVICE_START_PENDING, SERVICE_RUNNING, SERVICE_STOP_PENDING, SERVICE_STOPPED),
        reporter.states());
    ServiceStatus stopped = last();
    assertEquals(NO_ERROR, stopped.win32ExitCode());
    assertEquals(0, stopped.controlsAccepted());
  }

  @Test
  void shouldAdvanceTheCheckpointWhileTheAgentIsSayingGoodbye() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    ServiceLifecycle lifecycle = start(new FakeAgents().closingWhen(gate));
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    lifecycle.control(SERVICE_CONTROL_STOP, 0);
    reporter.await(s -> s.state() == SERVICE_STOP_PENDING && s.checkPoint() >= 3);
    gate.countDown();

    assertEquals(0, running.get(20, TimeUnit.SECONDS));
    List<Integer> checkPoints =
        reporter.reports().stream()
            .filter(s -> s.state() == SERVICE_STOP_PENDING)
            .map(ServiceStatus::checkPoint)
            .toList();
    for (int i = 0; i < checkPoints.size(); i++) {
      assertEquals(i + 1, checkPoints.get(i), "checkpoints " + checkPoints);
    }
    assertTrue(
        reporter.reports().stream()
            .filter(s -> s.state() == SERVICE_STOP_PENDING)
            .allMatch(s -> s.waitHintMillis() > 0 && s.controlsAccepted() == 0));
  }

  @Test
  void shouldStopOnceWhenShutdownFollowsPreshutdown() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    FakeAgents agents = new FakeAgents().closingWhen(gate);
    ServiceLifecycle lifecycle = start(agents);
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_PRESHUTDOWN, 0));
    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_SHUTDOWN, 0));
    gate.countDown();

    assertEquals(0, running.get(20, TimeUnit.SECONDS));
    assertEquals(1, agents.started().size());
    assertEquals(1, agents.started().get(0).closes());
    assertEquals(
        1,
        reporter.reports().stream()
            .filter(s -> s.state() == SERVICE_STOP_PENDING && s.checkPoint() == 1)
            .count(),
        "the second stop must not start the stop over");
  }

  @Test
  void shouldStopOnShutdownAlone() throws Exception {
    FakeAgents agents = new FakeAgents();
    ServiceLifecycle lifecycle = start(agents);
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_SHUTDOWN, 0));

    assertEquals(0, running.get(20, TimeUnit.SECONDS));
    assertEquals(1, agents.started().get(0).closes());
  }

  @Test
  void shouldAnswerInterrogateAndRefuseControlsItDoesNotHandle() throws Exception {
    ServiceLifecycle lifecycle = start(new FakeAgents());
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_INTERROGATE, 0));
    assertEquals(ERROR_CALL_NOT_IMPLEMENTED, lifecycle.control(SERVICE_CONTROL_PAUSE, 0));
    assertEquals(SERVICE_RUNNING, last().state());
    stop(lifecycle);
  }

  @Test
  void shouldStopWithAServiceSpecificErrorWhenTheAgentCannotStart() throws Exception {
    start(new FakeAgents().failingStart(0));

    assertEquals(ServiceLifecycle.AGENT_FAILED, running.get(20, TimeUnit.SECONDS));
    assertTrue(reporter.states().stream().noneMatch(state -> state == SERVICE_RUNNING));
    ServiceStatus stopped = last();
    assertEquals(SERVICE_STOPPED, stopped.state());
    assertEquals(ERROR_SERVICE_SPECIFIC_ERROR, stopped.win32ExitCode());
    assertEquals(ServiceLifecycle.AGENT_FAILED, stopped.serviceExitCode());
  }

  @Test
  void shouldSayGoodbyeOnSuspendAndStartOneNewAgentOnResume() throws Exception {
    FakeAgents agents = new FakeAgents();
    ServiceLifecycle lifecycle = start(agents);
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMSUSPEND));
    agents.started().get(0).awaitClosed();
    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMRESUMEAUTOMATIC));
    // A user at the keyboard brings a second resume event for the same wake-up.
    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMRESUMESUSPEND));
    stop(lifecycle);

    assertEquals(2, agents.started().size());
    assertEquals(List.of(Goodbye.Reason.REASON_SLEEP), agents.started().get(0).reasons());
    assertEquals(List.of(Goodbye.Reason.REASON_SHUTDOWN), agents.started().get(1).reasons());
    assertEquals(SERVICE_STOPPED, last().state());
  }

  @Test
  void shouldIgnorePowerEventsOtherThanSuspendAndResume() throws Exception {
    FakeAgents agents = new FakeAgents();
    ServiceLifecycle lifecycle = start(agents);
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMPOWERSTATUSCHANGE));
    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMRESUMEAUTOMATIC));
    stop(lifecycle);

    assertEquals(1, agents.started().size(), "a resume without a suspend starts nothing");
  }

  @Test
  void shouldStopCleanlyWhileSuspended() throws Exception {
    FakeAgents agents = new FakeAgents();
    ServiceLifecycle lifecycle = start(agents);
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMSUSPEND);
    stop(lifecycle);

    assertEquals(1, agents.started().size());
    assertEquals(1, agents.started().get(0).closes());
    assertEquals(NO_ERROR, last().win32ExitCode());
  }

  @Test
  void shouldStopTheServiceWhenTheAgentCannotRestartAfterResume() throws Exception {
    FakeAgents agents = new FakeAgents().failingStart(1);
    ServiceLifecycle lifecycle = start(agents);
    reporter.await(s -> s.state() == SERVICE_RUNNING);

    lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMSUSPEND);
    lifecycle.control(SERVICE_CONTROL_POWEREVENT, PBT_APMRESUMEAUTOMATIC);

    assertEquals(ServiceLifecycle.AGENT_FAILED, running.get(20, TimeUnit.SECONDS));
    assertEquals(ERROR_SERVICE_SPECIFIC_ERROR, last().win32ExitCode());
  }

  private ServiceLifecycle start(FakeAgents agents) {
    current = new ServiceLifecycle(agents, reporter, FAST);
    running = BackgroundService.run(current);
    return current;
  }

  private void stop(ServiceLifecycle lifecycle) throws Exception {
    assertEquals(NO_ERROR, lifecycle.control(SERVICE_CONTROL_STOP, 0));
    assertEquals(0, running.get(20, TimeUnit.SECONDS));
  }

  private ServiceStatus last() {
    List<ServiceStatus> reports = reporter.reports();
    return reports.get(reports.size() - 1);
  }
}
