package dev.vigil.agent.collector.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AptSimulationParserTest {
  private static final String SIMULATION =
      """
      NOTE: This is only a simulation!
            apt-get needs root privileges for real execution.
            Keep also in mind that locking is deactivated,
            so don't depend on the relevance to the real current situation!
      Reading package lists...
      Building dependency tree...
      Reading state information...
      Calculating upgrade...
      The following packages have been kept back:
        linux-image-amd64 postgresql-15
      The following NEW packages will be installed:
        linux-image-6.1.0-28-amd64
      The following packages will be upgraded:
        base-files bash libgcrypt20-dev openssl
      4 upgraded, 1 newly installed, 1 to remove and 2 not upgraded.
      Remv libfoo1 [1.0-1]
      Inst base-files [12.4+deb12u11] (12.4+deb12u15 Debian:12.15/oldstable [amd64])
      Inst bash [5.2.15-2+b8] (5.2.15-2+b13 Debian:12.15/oldstable [amd64])
      Inst libgcrypt20-dev [1.10.1-3] (1.10.1-3+deb12u1 Debian:12.15/oldstable, \
      Debian-Security:12/oldstable-security [amd64]) []
      Inst openssl [3.0.15-1~deb12u1] (3.0.17-1~deb12u2 Debian-Security:12/oldstable-security \
      [amd64])
      Inst linux-image-6.1.0-28-amd64 (6.1.119-1 Debian-Security:12/oldstable-security [amd64])
      Conf base-files (12.4+deb12u15 Debian:12.15/oldstable [amd64])
      Conf bash (5.2.15-2+b13 Debian:12.15/oldstable [amd64])
      Conf libgcrypt20-dev (1.10.1-3+deb12u1 Debian:12.15/oldstable, \
      Debian-Security:12/oldstable-security [amd64])
      Conf openssl (3.0.17-1~deb12u2 Debian-Security:12/oldstable-security [amd64])
      """;

  @Test
  void shouldCountUpgradesFromASecurityArchiveAsSecurity() {
    assertEquals(new PendingUpdates(2, 2), AptSimulationParser.parse(SIMULATION));
  }

  @Test
  void shouldMatchSecurityOnlyInsideTheOriginsNotInThePackageName() {
    String line =
        "Inst apparmor-security-tools [1.0] (1.1 Debian:12.15/oldstable [amd64])\n"
            + "Inst libx [1] (2 Ubuntu:22.04/jammy-security [amd64])\n";

    assertEquals(new PendingUpdates(1, 1), AptSimulationParser.parse(line));
  }

  @Test
  void shouldCountNothingWhenTheHostIsUpToDate() {
    String upToDate =
        "Reading package lists...\nCalculating upgrade...\n"
            + "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n";

    assertEquals(new PendingUpdates(0, 0), AptSimulationParser.parse(upToDate));
  }
}
