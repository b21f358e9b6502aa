package dev.vigil.collector.notify.paging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named window that repeats every week: days of the week and time ranges on each of them, in the
 * wall-clock time of an IANA zone ({@code business-hours}: Monday to Friday, 08:00-18:00,
 * Europe/Paris). A range running past midnight belongs to the day it starts on.
 *
 * <p>Wall-clock time decides, so the window follows the zone's daylight saving changes: 08:00 is
 * 08:00 in summer and in winter. On the night clocks go forward, a range that starts in the skipped
 * hour starts when the clocks jump; on the night they go back, a time that happens twice is in the
 * window both times.
 *
 * @param name how configuration and audit events name it
 * @param zone the zone whose wall clock it follows
 * @param days the days its ranges start on
 * @param ranges at least one
 */
public record WeeklyWindow(String name, ZoneId zone, Set<DayOfWeek> days, List<TimeRange> ranges) {
  /** Every change of a weekly window happens within a week, and a range lasts under a day. */
  private static final int HORIZON_DAYS = 9;

  /** Copies the collections and checks they are not empty. */
  public WeeklyWindow {
    days = Set.copyOf(days);
    ranges = List.copyOf(ranges);
    if (days.isEmpty() || ranges.isEmpty()) {
      throw new IllegalArgumentException("window " + name + " needs days and time ranges");
    }
  }

  /** Whether {@code at} falls inside the window. */
  public boolean contains(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    int minute = local.getHour() * 60 + local.getMinute();
    boolean today = days.contains(local.getDayOfWeek());
    boolean yesterday = days.contains(local.getDayOfWeek().minus(1));
    for (TimeRange range : ranges) {
      boolean startedToday =
          today
              && minute >= range.startMinute()
              && (range.overnight() || minute < range.endMinute());
      boolean startedYesterday = yesterday && range.overnight() && minute < range.endMinute();
      if (startedToday || startedYesterday) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first instant after {@code at} where {@link #contains} changes, or empty when it never does
   * (a window that covers the whole week).
   */
  public Optional<Instant> nextChange(Instant at) {
    boolean inside = contains(at);
    for (Instant candidate : boundaries(at)) {
      if (candidate.isAfter(at) && contains(candidate) != inside) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Every instant where the window may open or close from the day before {@code at} on: each
   * range's start and end on each day, at both offsets when the local time happens twice, and the
   * zone's offset changes (where a range starting in a skipped hour really starts).
   */
  private TreeSet<Instant> boundaries(Instant at) {
    TreeSet<Instant> instants = new TreeSet<>();
    LocalDate first = LocalDate.ofInstant(at, zone).minusDays(1);
    for (int d = 0; d <= HORIZON_DAYS; d++) {
      LocalDate day = first.plusDays(d);
      for (TimeRange range : ranges) {
        addLocal(instants, day, range.startMinute());
        addLocal(instants, day, range.endMinute());
      }
    }
    Instant end = first.plusDays(HORIZON_DAYS + 1).atStartOfDay(zone).toInstant();
    for (ZoneOffsetTransition t = zone.getRules().nextTransition(at);
        t != null && t.getInstant().isBefore(end);
        t = zone.getRules().nextTransition(t.getInstant())) {
      instants.add(t.getInstant());
    }
    return instants;
  }

  private void addLocal(TreeSet<Instant> instants, LocalDate day, int minute) {
    LocalDateTime local = day.atTime(LocalTime.MIDNIGHT).plusMinutes(minute);
    ZonedDateTime zoned = ZonedDateTime.of(local, zone);
    instants.add(zoned.withEarlierOffsetAtOverlap().toInstant());
    instants.add(zoned.withLaterOffsetAtOverlap().toInstant());
  }

  /** {@code at} in the window's wall-clock time with its offset, for messages. */
  public String local(Instant at) {
    return ZonedDateTime.ofInstant(at, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
