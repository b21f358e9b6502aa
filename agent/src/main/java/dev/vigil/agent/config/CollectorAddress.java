package dev.vigil.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One collector the agent may stream to.
 *
 * @param host a name or an IP address, IPv6 without brackets
 * @param port from 1 to 65535
 */
public record CollectorAddress(String host, int port) {
  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

  /**
   * Whether the address is this machine's loopback, decided without DNS: {@code localhost}, or an
   * IP literal in 127.0.0.0/8 or {@code ::1}. Any other name counts as remote, since a resolver can
   * send it anywhere.
   */
  public boolean isLoopback() {
    if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    if (!IPV4.matcher(host).matches() && host.indexOf(':') < 0) {
      return false;
    }
    try {
      // An IP literal is parsed, never looked up.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** {@code host:port}, with brackets around an IPv6 address. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
