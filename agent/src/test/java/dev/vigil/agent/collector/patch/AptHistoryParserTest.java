package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AptHistoryParserTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void shouldTakeTheEndOfTheNewestStanzaWithInstallOrUpgradeInLocalTime() {
    String log =
        """

        Start-Date: 2024-05-01  10:30:02
        Commandline: apt-get install -y curl
        Install: curl:amd64 (7.88.1-10+deb12u5)
        End-Date: 2024-05-01  10:32:11

        Start-Date: 2024-05-20  06:25:13
        Commandline: /usr/bin/unattended-upgrade
        Upgrade: openssl:amd64 (3.0.11-1~deb12u2, 3.0.13-1~deb12u1)
        End-Date: 2024-05-20  06:25:31

        Start-Date: 2024-05-22  07:00:00
        Commandline: apt-get remove -y nano
        Remove: nano:amd64 (7.2-1)
        End-Date: 2024-05-22  07:00:01
        """;

    assertEquals(
        Optional.of(Instant.parse("2024-05-20T04:25:31Z")),
        AptHistoryParser.lastInstall(log, BERLIN));
  }

  @Test
  void shouldSkipStanzasThatFailedOrNeverEnded() {
    String log =
        """
        Start-Date: 2024-05-01  10:30:02
        Install: curl:amd64 (7.88.1-10+deb12u5)
        End-Date: 2024-05-01  10:32:11

        Start-Date: 2024-06-04  22:15:40
        Upgrade: libc6:amd64 (2.36-9+deb12u4, 2.36-9+deb12u7)
        Error: Sub-process /usr/bin/dpkg returned an error code (1)
        End-Date: 2024-06-04  22:15:55

        Start-Date: 2024-06-05  08:00:00
        Upgrade: bash:amd64 (5.2.15-2+b2, 5.2.15-2+b7)
        """;

    assertEquals(
        Optional.of(Instant.parse("2024-05-01T08:32:11Z")),
        AptHistoryParser.lastInstall(log, BERLIN));
  }

  @Test
  void shouldFindNothingInALogWithoutInstalls() {
    String log =
        "Start-Date: 2024-05-22  07:00:00\nRemove: nano:amd64 (7.2-1)\n"
            + "End-Date: 2024-05-22  07:00:01\n";

    assertEquals(Optional.empty(), AptHistoryParser.lastInstall(log, BERLIN));
    assertEquals(Optional.empty(), AptHistoryParser.lastInstall("", BERLIN));
  }
}
