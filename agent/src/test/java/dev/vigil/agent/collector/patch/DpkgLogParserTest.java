package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DpkgLogParserTest {

  @Test
  void shouldTakeTheNewestStatusInstalledLineNotALaterUnpack() {
    // The fixture ends with a later run that only got as far as unpacking.
    assertEquals(
        Optional.of(Instant.parse("2026-05-09T07:28:50Z")),
        DpkgLogParser.lastInstall(Fixtures.read("dpkg.log"), ZoneOffset.UTC));
  }

  @Test
  void shouldReadTheTimesInTheHostsZone() {
    assertEquals(
        Optional.of(Instant.parse("2026-05-09T05:28:50Z")),
        DpkgLogParser.lastInstall(Fixtures.read("dpkg.log"), ZoneId.of("Europe/Berlin")));
  }

  @Test
  void shouldFindNothingWithoutAnInstalledPackage() {
    String unpackOnly = "2026-05-09 07:29:02 startup archives unpack\n";

    assertEquals(Optional.empty(), DpkgLogParser.lastInstall(unpackOnly, ZoneOffset.UTC));
  }
}
