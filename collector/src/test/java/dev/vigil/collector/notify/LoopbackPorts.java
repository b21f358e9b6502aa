package dev.vigil.collector.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for tests: one free to start a server on, or one where nothing listens. */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  /**
   * A loopback port that was free a moment ago: for a server the test starts on it, and, left
   * unused, for a client that must find nothing listening.
   */
  public static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
