package dev.vigil.collector.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server on a loopback socket that refuses every recipient with one reply, for the reply
 * codes GreenMail never sends: the real Angus client talks to it over a real connection.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String rcptReply;
  private final Thread thread;

  /**
   * @param rcptReply the answer to {@code RCPT TO}, e.g. {@code 550 5.1.1 no such user}
   */
  ScriptedSmtpServer(String rcptReply) throws IOException {
    this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.rcptReply = rcptReply;
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(10_000);
        converse(client);
      } catch (IOException closedOrGone) {
        // The test closed the server, or the client hung up: either ends this conversation.
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII));
    reply(out, "220 scripted ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (verb) {
        case "RCPT" -> reply(out, rcptReply);
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 ok");
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    socket.close();
    thread.join(10_000);
  }
}
