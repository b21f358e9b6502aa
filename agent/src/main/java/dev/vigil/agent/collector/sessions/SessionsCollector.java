package dev.vigil.agent.collector.sessions;

import dev.vigil.agent.collector.Collector;
import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.Metric;
import dev.vigil.agent.metric.MetricSink;
import oshi.software.os.OperatingSystem;

/**
 * Reports {@code vigil_sessions} and {@code vigil_logged_in_users} from OSHI's session list (utmp
 * on Linux and macOS, the terminal services sessions on Windows).
 */
public final class SessionsCollector implements Collector {
  static final Metric SESSIONS =
      Metric.gauge("vigil_sessions", "Number of login sessions on the host.");
  static final Metric USERS =
      Metric.gauge(
          "vigil_logged_in_users", "Number of distinct users with a login session on the host.");

  private final OperatingSystem os;

  /** Reads the login sessions of {@code context}'s host. */
  public SessionsCollector(CollectorContext context) {
    this.os = context.systemInfo().getOperatingSystem();
  }

  @Override
  public String name() {
    return "sessions";
  }

  @Override
  public void collect(MetricSink sink) {
    emit(SessionCount.of(os.getSessions()), sink);
  }

  static void emit(SessionCount count, MetricSink sink) {
    sink.add(SESSIONS, count.sessions());
    sink.add(USERS, count.users());
  }
}
