package dev.vigil.agent.collector.sessions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import oshi.software.os.OSSession;

/** How many login sessions the host has and how many distinct users hold them. */
record SessionCount(int sessions, int users) {

  /** Counts {@code sessions}; a session without a user name adds no user. */
  static SessionCount of(List<OSSession> sessions) {
    Set<String> users = new HashSet<>();
    for (OSSession session : sessions) {
      String user = session.getUserName();
      if (user != null && !user.isBlank()) {
        users.add(user.strip());
      }
    }
    return new SessionCount(sessions.size(), users.size());
  }
}
