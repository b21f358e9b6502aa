package dev.vigil.agent.service;

import static com.sun.jna.platform.win32.WinError.ERROR_CALL_NOT_IMPLEMENTED;
import static com.sun.jna.platform.win32.WinError.ERROR_SERVICE_SPECIFIC_ERROR;
import static com.sun.jna.platform.win32.WinError.NO_ERROR;
import static com.sun.jna.platform.win32.WinUser.PBT_APMRESUMEAUTOMATIC;
import static com.sun.jna.platform.win32.WinUser.PBT_APMRESUMESUSPEND;
import static com.sun.jna.platform.win32.WinUser.PBT_APMSUSPEND;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_POWEREVENT;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_PRESHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_SHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_ACCEPT_STOP;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_INTERROGATE;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_POWEREVENT;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_PRESHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_SHUTDOWN;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_CONTROL_STOP;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_RUNNING;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_START_PENDING;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_STOPPED;
import static com.sun.jna.platform.win32.Winsvc.SERVICE_STOP_PENDING;

import dev.vigil.proto.v1.Goodbye;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Service Control Manager's controls into the agent's life: START_PENDING while the agent
 * starts, RUNNING until STOP, SHUTDOWN or PRESHUTDOWN, then STOP_PENDING with a rising checkpoint
 * while the agent says Goodbye and flushes, then STOPPED. On suspend the agent is closed with a
 * Goodbye that says sleep, so a sleeping laptop is not an outage, and on resume a new one starts.
 *
 * <p>Three threads meet here: {@link #run} is ServiceMain's thread and blocks for the service's
 * life; {@link #control} is the dispatcher's thread and must return at once; the agent is started
 * and closed on one worker thread, so a resume queues behind a suspend that is still closing.
 *
 * <p>The Win32 constants are compile-time constants that javac copies in; no Windows class loads.
 */
public final class ServiceLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceLifecycle.class);

  /** Controls accepted while running. PRESHUTDOWN gives the Goodbye time that SHUTDOWN lacks. */
  static final int ACCEPTED_WHILE_RUNNING =
      SERVICE_ACCEPT_STOP
          | SERVICE_ACCEPT_SHUTDOWN
          | SERVICE_ACCEPT_PRESHUTDOWN
          | SERVICE_ACCEPT_POWEREVENT;

  /** The service-specific exit code when the agent could not start; recovery restarts it. */
  static final int AGENT_FAILED = 1;

  /** Starts an agent. */
  @FunctionalInterface
  public interface AgentStarter {
    /** Starts the agent; throws when it cannot. */
    RunningAgent start() throws Exception;
  }

  /** A started agent, as the lifecycle ends it. */
  @FunctionalInterface
  public interface RunningAgent {
    /** Says Goodbye with {@code reason}, disconnects and stops. */
    void leave(Goodbye.Reason reason) throws Exception;
  }

  /** How often a pending state reports progress, how long it may last, and the hint to give. */
  public record Timing(Duration checkpointInterval, Duration startLimit, Duration stopLimit) {
    /** Progress every second; 2 min to start (OSHI's first WMI queries); 90 s to stop. */
    public static final Timing DEFAULT =
        new Timing(Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofSeconds(90));

    /** Ten checkpoint intervals: the manager waits this long for the next checkpoint. */
    int waitHintMillis() {
      return (int) checkpointInterval.multipliedBy(10).toMillis();
    }
  }

  private final AgentStarter starter;
  private final StatusReporter reporter;
  private final Timing timing;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "vigil-service");
            thread.setDaemon(true);
            return thread;
          });

  // Guarded by this.
  private int state = SERVICE_START_PENDING;
  private int checkPoint;
  private boolean suspended;
  private boolean failed;

  // Touched only on the worker thread.
  private RunningAgent agent;

  /** A lifecycle that starts agents with {@code starter} and reports to {@code reporter}. */
  public ServiceLifecycle(AgentStarter starter, StatusReporter reporter, Timing timing) {
    this.starter = starter;
    this.reporter = reporter;
    this.timing = timing;
  }

  /**
   * ServiceMain's body: starts the agent, runs until a stop control, stops it and reports STOPPED.
   *
   * @return 0, or {@link #AGENT_FAILED} when the agent could not start (or restart after resume)
   */
  public int run() throws InterruptedException {
    report(SERVICE_START_PENDING);
    Future<?> starting = worker.submit(this::startAgent);
    if (!awaitWithCheckpoints(starting, SERVICE_START_PENDING, timing.startLimit())) {
      LOG.error("the agent did not start within {}", timing.startLimit());
      markFailed();
    }
    if (enterRunning()) {
      stopRequested.await();
    }
    Future<?> closing = worker.submit(() -> closeAgent(Goodbye.Reason.REASON_SHUTDOWN));
    if (!awaitWithCheckpoints(closing, SERVICE_STOP_PENDING, timing.stopLimit())) {
      LOG.warn("the agent did not close within {}; stopping anyway", timing.stopLimit());
    }
    worker.shutdownNow();
    return enterStopped();
  }

  /**
   * The handler's body, on the dispatcher's thread; returns at once with the Win32 result: {@code
   * NO_ERROR} for a control it handles, {@code ERROR_CALL_NOT_IMPLEMENTED} for any other.
   */
  public synchronized int control(int control, int eventType) {
    switch (control) {
      case SERVICE_CONTROL_STOP, SERVICE_CONTROL_SHUTDOWN, SERVICE_CONTROL_PRESHUTDOWN -> {
        requestStop();
        return NO_ERROR;
      }
      case SERVICE_CONTROL_POWEREVENT -> {
        power(eventType);
        return NO_ERROR;
      }
      case SERVICE_CONTROL_INTERROGATE -> {
        return NO_ERROR;
      }
      default -> {
        return ERROR_CALL_NOT_IMPLEMENTED;
      }
    }
  }

  /** Only a running service stops: a second stop (SHUTDOWN after PRESHUTDOWN) changes nothing. */
  private synchronized void requestStop() {
    if (state != SERVICE_RUNNING) {
      return;
    }
    state = SERVICE_STOP_PENDING;
    checkPoint = 0;
    report(SERVICE_STOP_PENDING);
    stopRequested.countDown();
  }

  private void power(int event) {
    if (state != SERVICE_RUNNING) {
      return;
    }
    if (event == PBT_APMSUSPEND && !suspended) {
      suspended = true;
      worker.execute(() -> closeAgent(Goodbye.Reason.REASON_SLEEP));
    } else if ((event == PBT_APMRESUMEAUTOMATIC || event == PBT_APMRESUMESUSPEND) && suspended) {
      // Every resume sends RESUMEAUTOMATIC; RESUMESUSPEND follows when a user is present.
      suspended = false;
      worker.execute(this::startAgent);
    }
  }

  private synchronized boolean enterRunning() {
    if (failed) {
      return false;
    }
    state = SERVICE_RUNNING;
    report(SERVICE_RUNNING);
    return true;
  }

  private synchronized int enterStopped() {
    state = SERVICE_STOPPED;
    report(SERVICE_STOPPED);
    return failed ? AGENT_FAILED : 0;
  }

  private synchronized void markFailed() {
    failed = true;
  }

  /** A failed start during START_PENDING ends the start; after a resume it stops the service. */
  private void startAgent() {
    try {
      agent = starter.start();
    } catch (Exception e) {
      LOG.error("the agent could not start", e);
      markFailed();
      requestStop();
    }
  }

  private void closeAgent(Goodbye.Reason reason) {
    if (agent == null) {
      return;
    }
    try {
      agent.leave(reason);
    } catch (Exception e) {
      LOG.warn("closing the agent failed", e);
    }
    agent = null;
  }

  /** Waits for {@code task}, reporting a new checkpoint every interval; false past the limit. */
  private boolean awaitWithCheckpoints(Future<?> task, int pendingState, Duration limit)
      throws InterruptedException {
    long intervalMillis = timing.checkpointInterval().toMillis();
    long rounds = Math.max(1, limit.toMillis() / intervalMillis);
    for (long round = 0; round < rounds; round++) {
      try {
        task.get(intervalMillis, TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException e) {
        report(pendingState);
      } catch (ExecutionException e) {
        throw new IllegalStateException("the service worker failed", e.getCause());
      }
    }
    return false;
  }

  private synchronized void report(int reportedState) {
    boolean pending =
        reportedState == SERVICE_START_PENDING || reportedState == SERVICE_STOP_PENDING;
    boolean failedStop = reportedState == SERVICE_STOPPED && failed;
    reporter.report(
        new ServiceStatus(
            reportedState,
            reportedState == SERVICE_RUNNING ? ACCEPTED_WHILE_RUNNING : 0,
            failedStop ? ERROR_SERVICE_SPECIFIC_ERROR : NO_ERROR,
            failedStop ? AGENT_FAILED : 0,
            pending ? ++checkPoint : 0,
            pending ? timing.waitHintMillis() : 0));
  }
}
