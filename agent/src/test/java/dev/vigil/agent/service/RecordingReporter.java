package dev.vigil.agent.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps every status reported, and lets a test wait (bounded) for one that matches. */
final class RecordingReporter implements StatusReporter {
  private static final long WAIT_MILLIS = TimeUnit.SECONDS.toMillis(20);
  private final List<ServiceStatus> reports = new ArrayList<>();

  @Override
  public synchronized void report(ServiceStatus status) {
    reports.add(status);
    notifyAll();
  }

  synchronized List<ServiceStatus> reports() {
    return List.copyOf(reports);
  }

  synchronized List<Integer> states() {
    List<Integer> states = new ArrayList<>();
    for (ServiceStatus status : reports) {
      if (states.isEmpty() || states.get(states.size() - 1) != status.state()) {
        states.add(status.state());
      }
    }
    return states;
  }

  /** Waits for a report that matches, or fails the test after 20 s. */
  synchronized ServiceStatus await(Predicate<ServiceStatus> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (true) {
      for (ServiceStatus status : reports) {
        if (wanted.test(status)) {
          return status;
        }
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError("no matching status in " + reports);
      }
      wait(left);
    }
  }
}
