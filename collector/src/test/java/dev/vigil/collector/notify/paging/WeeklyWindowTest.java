package dev.vigil.collector.notify.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Weekly windows in Europe/Paris across their edges and both daylight saving changes of 2026
 * (clocks go forward on 29 March at 02:00 CET, back on 25 October at 03:00 CEST).
 */
class WeeklyWindowTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final WeeklyWindow BUSINESS_HOURS =
      window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), TimeRange.parse("08:00-18:00"));

  private static WeeklyWindow window(Set<DayOfWeek> days, TimeRange... ranges) {
    return new WeeklyWindow("test", PARIS, days, List.of(ranges));
  }

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  @Test
  void shouldOpenAndCloseAtWallClockEdgesInWinter() {
    assertFalse(BUSINESS_HOURS.contains(at("2026-03-27T06:59:59Z")), "07:59:59 CET");
    assertTrue(BUSINESS_HOURS.contains(at("2026-03-27T07:00:00Z")), "08:00 CET");
    assertTrue(BUSINESS_HOURS.contains(at("2026-03-27T16:59:59Z")), "17:59:59 CET");
    assertFalse(BUSINESS_HOURS.contains(at("2026-03-27T17:00:00Z")), "18:00 CET");
    assertFalse(BUSINESS_HOURS.contains(at("2026-03-28T10:00:00Z")), "Saturday");
  }

  @Test
  void shouldOpenAtEightLocalOnTheMondayAfterClocksGoForward() {
    assertEquals(
        Optional.of(at("2026-03-30T06:00:00Z")),
        BUSINESS_HOURS.nextChange(at("2026-03-27T17:00:00Z")),
        "08:00 CEST is 06:00 UTC, an hour earlier than the Friday before");
    assertFalse(BUSINESS_HOURS.contains(at("2026-03-30T05:59:59Z")));
    assertTrue(BUSINESS_HOURS.contains(at("2026-03-30T06:00:00Z")));
    assertEquals(
        Optional.of(at("2026-03-30T16:00:00Z")),
        BUSINESS_HOURS.nextChange(at("2026-03-30T06:00:00Z")));
  }

  @Test
  void shouldOpenAtEightLocalOnTheMondayAfterClocksGoBack() {
    assertEquals(
        Optional.of(at("2026-10-26T07:00:00Z")),
        BUSINESS_HOURS.nextChange(at("2026-10-23T16:00:00Z")));
  }

  @Test
  void shouldStartARangeInTheSkippedHourWhenTheClocksJump() {
    WeeklyWindow night = window(EnumSet.of(DayOfWeek.SUNDAY), TimeRange.parse("02:30-03:30"));

    assertFalse(night.contains(at("2026-03-29T00:59:59Z")), "01:59:59 CET");
    assertTrue(night.contains(at("2026-03-29T01:00:00Z")), "03:00 CEST, just after the jump");
    assertEquals(
        Optional.of(at("2026-03-29T01:00:00Z")), night.nextChange(at("2026-03-29T00:00:00Z")));
    assertEquals(
        Optional.of(at("2026-03-29T01:30:00Z")), night.nextChange(at("2026-03-29T01:00:00Z")));
  }

  @Test
  void shouldHoldATimeThatHappensTwiceBothTimes() {
    WeeklyWindow night = window(EnumSet.of(DayOfWeek.SUNDAY), TimeRange.parse("02:00-02:30"));

    assertTrue(night.contains(at("2026-10-25T00:15:00Z")), "02:15 CEST");
    assertFalse(night.contains(at("2026-10-25T00:45:00Z")), "02:45 CEST");
    assertTrue(night.contains(at("2026-10-25T01:15:00Z")), "02:15 CET, the second time");
    assertEquals(
        Optional.of(at("2026-10-25T01:00:00Z")), night.nextChange(at("2026-10-25T00:45:00Z")));
    assertEquals(
        Optional.of(at("2026-10-25T01:30:00Z")), night.nextChange(at("2026-10-25T01:00:00Z")));
  }

  @Test
  void shouldRunAnOvernightRangeIntoTheNextDay() {
    WeeklyWindow patchNight = window(EnumSet.of(DayOfWeek.TUESDAY), TimeRange.parse("22:00-02:00"));

    assertFalse(patchNight.contains(at("2026-11-24T20:59:59Z")), "Tuesday 21:59:59 CET");
    assertTrue(patchNight.contains(at("2026-11-24T21:00:00Z")), "Tuesday 22:00");
    assertTrue(patchNight.contains(at("2026-11-25T00:59:59Z")), "Wednesday 01:59:59");
    assertFalse(patchNight.contains(at("2026-11-25T01:00:00Z")), "Wednesday 02:00");
    assertFalse(patchNight.contains(at("2026-11-24T00:30:00Z")), "Tuesday 01:30: Monday has none");
    assertEquals(
        Optional.of(at("2026-11-25T01:00:00Z")), patchNight.nextChange(at("2026-11-24T21:00:00Z")));
  }

  @Test
  void shouldNeverChangeWhenItCoversTheWholeWeek() {
    WeeklyWindow always = window(EnumSet.allOf(DayOfWeek.class), TimeRange.parse("00:00-24:00"));

    assertTrue(always.contains(at("2026-03-29T01:30:00Z")));
    assertEquals(Optional.empty(), always.nextChange(at("2026-03-29T01:30:00Z")));
  }

  @Test
  void shouldParseTimeRanges() {
    assertEquals(new TimeRange(480, 1080), TimeRange.parse("08:00-18:00"));
    assertEquals(new TimeRange(1080, 1440), TimeRange.parse("18:00-24:00"));
    assertEquals(new TimeRange(1080, 1440), TimeRange.parse("18:00-00:00"));
    assertEquals(new TimeRange(1320, 120), TimeRange.parse("22:00-02:00"));
    assertEquals("22:00-02:00", TimeRange.parse("22:00-02:00").toString());
  }

  @Test
  void shouldRefuseMalformedTimeRanges() {
    assertEquals(
        "must be a time range like 08:00-18:00 (hours 00 to 24), got \"8-18\"",
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("8-18")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("08:00-24:01"));
    assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("08:60-09:00"));
    assertEquals(
        "must not be empty, got \"08:00-08:00\"",
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("08:00-08:00"))
            .getMessage());
    assertEquals(
        "must not start at 24:00, got \"24:00-01:00\"",
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("24:00-01:00"))
            .getMessage());
  }
}
