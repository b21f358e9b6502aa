package dev.vigil.agent.collector.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DmiInfoTest {

  @Test
  void shouldWriteOshisIsoBiosDateInNodeExportersMonthDayYearFormat() {
    assertEquals("08/14/2023", DmiInfo.biosDate("2023-08-14"));
    assertEquals("12/01/2006", DmiInfo.biosDate("2006-12-01"));
  }

  @Test
  void shouldPassOnADateItCannotParseUnchanged() {
    assertEquals("", DmiInfo.biosDate(""));
    assertEquals("08/14/2023", DmiInfo.biosDate("08/14/2023"));
    assertEquals("2023-13-40", DmiInfo.biosDate("2023-13-40"));
    assertEquals("20230814", DmiInfo.biosDate("20230814"));
  }
}
