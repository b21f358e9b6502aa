package dev.vigil.collector.notify.email;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where and how the email receiver sends.
 *
 * @param host the SMTP server
 * @param port its port: 587 for submission with STARTTLS, 25 for relay
 * @param startTls require STARTTLS before anything else is sent; the server's certificate is
 *     verified against the JVM's trust store and its name
 * @param username the login, if the server wants one (then {@code password} too)
 * @param password the login's password
 * @param from the sender address
 * @param to the recipients, at least one
 * @param timeout the bound of connecting and of every read and write
 */
public record SmtpSettings(
    String host,
    int port,
    boolean startTls,
    Optional<String> username,
    String password,
    String from,
    List<String> to,
    Duration timeout) {

  /** Checks what can be checked before the first message. */
  public SmtpSettings {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SMTP port must be from 1 to 65535, got " + port);
    }
    if (to.isEmpty()) {
      throw new IllegalArgumentException("an email receiver needs at least one recipient");
    }
    to = List.copyOf(to);
  }
}
