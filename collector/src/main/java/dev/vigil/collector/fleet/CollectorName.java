package dev.vigil.collector.fleet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name a collector records the hosts it holds under in the fleet table: its machine's host name
 * and its ingest port. It stays the same across restarts, so a restarted collector takes back its
 * own hosts, and it differs between collectors sharing one database, even two on one machine.
 */
public final class CollectorName {
  private static final Logger log = LoggerFactory.getLogger(CollectorName.class);

  private CollectorName() {}

  /** {@code <host name>:<port of ingest>}, the port as configured. */
  public static String of(InetSocketAddress ingest) {
    return localHostName() + ":" + ingest.getPort();
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // Rare (a host name that does not resolve); then two such collectors on one port share a
      // name, and each takes the other's hosts for its own, as before collectors were recorded.
      log.warn("this machine's host name does not resolve ({}); the fleet names it localhost", e);
      return "localhost";
    }
  }
}
