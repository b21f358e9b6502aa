package dev.vigil.collector.api;

import dev.vigil.collector.store.HostState;
import java.util.Locale;

/**
 * Where a host stands as the API reports it: a stream delivers its series, a stream to another
 * collector sharing the database does (its values here are from before it moved), its agent said
 * Goodbye (shut down or asleep), or its last stream ended without one (crashed, unplugged, cut
 * off).
 */
enum HostLiveness {
  UP,
  ELSEWHERE,
  SHUT_DOWN,
  LOST;

  static HostLiveness of(HostState host) {
    if (host.up()) {
      return UP;
    }
    if (host.elsewhere()) {
      return ELSEWHERE;
    }
    return host.lost() ? LOST : SHUT_DOWN;
  }

  /** The API's spelling: {@code up}, {@code shut_down}, {@code lost}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the API's spelling.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  static HostLiveness parse(String text) {
    for (HostLiveness state : values()) {
      if (state.label().equals(text)) {
        return state;
      }
    }
    throw new IllegalArgumentException(
        "state must be up, elsewhere, shut_down or lost, got \"" + text + "\"");
  }
}
