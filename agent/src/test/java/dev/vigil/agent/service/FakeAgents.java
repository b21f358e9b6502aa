package dev.vigil.agent.service;

import dev.vigil.proto.v1.Goodbye;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts fake agents that record their closing; can fail to start or be slow to close. */
final class FakeAgents implements ServiceLifecycle.AgentStarter {
  private final List<FakeAgent> started = new ArrayList<>();
  private final List<Boolean> failures = new ArrayList<>();
  private CountDownLatch closeGate = new CountDownLatch(0);

  /** The n-th start (0-based) throws. */
  synchronized FakeAgents failingStart(int n) {
    while (failures.size() <= n) {
      failures.add(false);
    }
    failures.set(n, true);
    return this;
  }

  /** Every close waits until {@code gate} opens. */
  synchronized FakeAgents closingWhen(CountDownLatch gate) {
    closeGate = gate;
    return this;
  }

  @Override
  public synchronized ServiceLifecycle.RunningAgent start() {
    int n = started.size();
    FakeAgent agent = new FakeAgent(closeGate);
    started.add(agent);
    if (n < failures.size() && failures.get(n)) {
      throw new IllegalStateException("collector address unresolvable");
    }
    return agent;
  }

  synchronized List<FakeAgent> started() {
    return List.copyOf(started);
  }

  /** One started agent. */
  static final class FakeAgent implements ServiceLifecycle.RunningAgent {
    private final CountDownLatch gate;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Goodbye.Reason> reasons = new ArrayList<>();

    FakeAgent(CountDownLatch gate) {
      this.gate = gate;
    }

    @Override
    public void leave(Goodbye.Reason reason) throws InterruptedException {
      if (!gate.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("the test never opened the close gate");
      }
      synchronized (this) {
        reasons.add(reason);
      }
      closed.countDown();
    }

    synchronized int closes() {
      return reasons.size();
    }

    /** The Goodbye reasons it was closed with, in order. */
    synchronized List<Goodbye.Reason> reasons() {
      return List.copyOf(reasons);
    }

    void awaitClosed() throws InterruptedException {
      if (!closed.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("the agent was never closed");
      }
    }
  }
}
