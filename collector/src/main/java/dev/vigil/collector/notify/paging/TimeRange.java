package dev.vigil.collector.notify.paging;

/**
 * A range of wall-clock time within a day, {@code HH:MM-HH:MM}, start included, end excluded. An
 * end at or before the start runs past midnight into the next day ({@code 22:00-02:00}); 24:00, or
 * 00:00 as an end, is the end of the day.
 *
 * @param startMinute minutes after midnight, 0 to 1439
 * @param endMinute minutes after midnight, 1 to 1440
 */
public record TimeRange(int startMinute, int endMinute) {
  static final int DAY = 24 * 60;

  /** Checks the bounds. */
  public TimeRange {
    if (startMinute < 0 || startMinute >= DAY || endMinute < 1 || endMinute > DAY) {
      throw new IllegalArgumentException("minutes out of range: " + startMinute + "-" + endMinute);
    }
    if (startMinute == endMinute) {
      throw new IllegalArgumentException("a time range must not be empty: " + this);
    }
  }

  /**
   * Parses {@code HH:MM-HH:MM}.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  public static TimeRange parse(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "must be a time range like 08:00-18:00, got \"" + text + "\"");
    }
    int start = minute(parts[0].strip(), text);
    int end = minute(parts[1].strip(), text);
    if (start == DAY) {
      throw new IllegalArgumentException("must not start at 24:00, got \"" + text + "\"");
    }
    int until = end == 0 ? DAY : end;
    if (start == until) {
      throw new IllegalArgumentException("must not be empty, got \"" + text + "\"");
    }
    return new TimeRange(start, until);
  }

  private static int minute(String time, String range) {
    if (time.matches("\\d\\d:\\d\\d")) {
      int hour = Integer.parseInt(time.substring(0, 2));
      int minute = Integer.parseInt(time.substring(3));
      if (minute < 60 && (hour < 24 || (hour == 24 && minute == 0))) {
        return hour * 60 + minute;
      }
    }
    throw new IllegalArgumentException(
        "must be a time range like 08:00-18:00 (hours 00 to 24), got \"" + range + "\"");
  }

  /** Whether it runs past midnight into the next day. */
  boolean overnight() {
    return endMinute <= startMinute;
  }

  @Override
  public String toString() {
    return String.format(
        "%02d:%02d-%02d:%02d", startMinute / 60, startMinute % 60, endMinute / 60, endMinute % 60);
  }
}
