package dev.vigil.collector.notify.paging;

import java.time.Instant;
import java.util.Optional;

/** When a maintenance window is on: once, or every week. */
public sealed interface MaintenanceSchedule {
  /** Whether the window is on at {@code at}. */
  boolean active(Instant at);

  /** When the window, on at {@code at}, goes off; empty when it never does. */
  Optional<Instant> end(Instant at);

  /** An instant as the window's audit events write it. */
  String render(Instant at);

  /**
   * On from {@code from} (included) until {@code until} (excluded).
   *
   * @param from when it starts
   * @param until when it ends, after {@code from}
   */
  record Once(Instant from, Instant until) implements MaintenanceSchedule {
    /** Checks the order. */
    public Once {
      if (!until.isAfter(from)) {
        throw new IllegalArgumentException("a maintenance window must end after it starts");
      }
    }

    @Override
    public boolean active(Instant at) {
      return !at.isBefore(from) && at.isBefore(until);
    }

    @Override
    public Optional<Instant> end(Instant at) {
      return Optional.of(until);
    }

    @Override
    public String render(Instant at) {
      return at.toString();
    }
  }

  /** On whenever {@code window} is. */
  record Weekly(WeeklyWindow window) implements MaintenanceSchedule {
    @Override
    public boolean active(Instant at) {
      return window.contains(at);
    }

    @Override
    public Optional<Instant> end(Instant at) {
      return window.nextChange(at);
    }

    @Override
    public String render(Instant at) {
      return window.local(at);
    }
  }
}
