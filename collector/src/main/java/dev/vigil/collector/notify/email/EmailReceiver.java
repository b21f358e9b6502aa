package dev.vigil.collector.notify.email;

import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.Receiver;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends each notification as a plain-text email over SMTP. An SMTP reply code decides what a
 * failure is: 4xx (mailbox busy, greylisted, server short of resources) is retryable, 5xx (no such
 * user, relaying refused) and a refused login are permanent; a connection error or timeout is
 * retryable.
 */
public final class EmailReceiver implements Receiver {
  private final String name;
  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final InstantSource clock;

  /**
   * @throws IllegalArgumentException when the sender or a recipient is not a valid address
   */
  public EmailReceiver(String name, SmtpSettings settings, InstantSource clock) {
    this.name = name;
    this.settings = settings;
    this.session = Session.getInstance(properties(settings));
    this.from = address(settings.from());
    this.to = settings.to().stream().map(EmailReceiver::address).toArray(InternetAddress[]::new);
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(EmailRenderer.subject(notification), StandardCharsets.UTF_8.name());
      message.setText(EmailRenderer.body(notification), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(clock.instant()));
      send(message);
    } catch (MessagingException e) {
      throw classify(e);
    }
  }

  private void send(MimeMessage message) throws MessagingException {
    if (settings.username().isPresent()) {
      Transport.send(message, settings.username().get(), settings.password());
    } else {
      Transport.send(message);
    }
  }

  private DeliveryException classify(MessagingException e) {
    String what = "SMTP " + settings.host() + ":" + settings.port() + ": " + e.getMessage();
    if (e instanceof AuthenticationFailedException) {
      return DeliveryException.permanent(what + " (login refused)", e);
    }
    int code = replyCode(e);
    if (code >= 500) {
      return DeliveryException.permanent(what + " (reply " + code + ")", e);
    }
    return DeliveryException.retryable(what, e);
  }

  /** The worst SMTP reply code in the failure and its chained per-address failures, or 0. */
  private static int replyCode(MessagingException e) {
    int worst = 0;
    for (Exception next = e; next != null; ) {
      if (next instanceof SMTPSendFailedException failed) {
        worst = Math.max(worst, failed.getReturnCode());
      } else if (next instanceof SMTPAddressFailedException failed) {
        worst = Math.max(worst, failed.getReturnCode());
      }
      next = next instanceof MessagingException m ? m.getNextException() : null;
    }
    return worst;
  }

  private static Properties properties(SmtpSettings settings) {
    Properties p = new Properties();
    String millis = Long.toString(settings.timeout().toMillis());
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.connectiontimeout", millis);
    p.setProperty("mail.smtp.timeout", millis);
    p.setProperty("mail.smtp.writetimeout", millis);
    p.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    if (settings.startTls()) {
      // Required, not merely enabled: otherwise a man in the middle strips STARTTLS and the
      // password goes out in clear.
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
      p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    }
    return p;
  }

  private static InternetAddress address(String text) {
    try {
      return new InternetAddress(text, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("not a valid email address: \"" + text + "\"", e);
    }
  }
}
