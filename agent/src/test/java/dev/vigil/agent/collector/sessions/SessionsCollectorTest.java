package dev.vigil.agent.collector.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.collector.CollectorContext;
import dev.vigil.agent.metric.SampleList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.software.os.OSSession;

class SessionsCollectorTest {

  private static OSSession session(String user, String terminal) {
    return new OSSession(user, terminal, 1_700_000_000_000L, "");
  }

  @Test
  void shouldCountSessionsAndDistinctUsers() {
    SessionCount count =
        SessionCount.of(
            List.of(
                session("alice", "pts/0"),
                session("alice", "pts/1"),
                session("bob", "tty1"),
                session("", "console")));

    assertEquals(new SessionCount(4, 2), count);
  }

  @Test
  void shouldCountNothingWhenNobodyIsLoggedIn() {
    assertEquals(new SessionCount(0, 0), SessionCount.of(List.of()));
  }

  @Test
  void shouldEmitBothGauges() {
    SampleList sink = new SampleList();

    SessionsCollector.emit(new SessionCount(3, 2), sink);

    assertEquals("vigil_sessions", sink.samples().get(0).metric().name());
    assertEquals(3, sink.samples().get(0).value());
    assertEquals("vigil_logged_in_users", sink.samples().get(1).metric().name());
    assertEquals(2, sink.samples().get(1).value());
  }

  @Test
  void shouldReadThisHostsSessionsWithoutFailing() {
    CollectorContext context = CollectorContext.forHost(Path.of("/proc"), Path.of("/sys"));
    SampleList sink = new SampleList();

    new SessionsCollector(context).collect(sink);

    assertEquals(2, sink.samples().size());
    assertTrue(sink.samples().get(1).value() <= sink.samples().get(0).value());
  }
}
