package dev.vigil.collector.notify.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.collector.notify.DeliveryException;
import dev.vigil.collector.notify.LoopbackPorts;
import dev.vigil.collector.notify.TestNotifications;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email receiver against GreenMail, a real SMTP server, on a free loopback port. */
class EmailReceiverTest {
  private static final Instant SENT = Instant.parse("2026-11-23T09:16:00Z");

  @RegisterExtension
  final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("vigil@example.org", "vigil", "right"));

  private SmtpSettings settings(int port, boolean startTls, String password) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        startTls,
        Optional.of("vigil"),
        password,
        "Vigil <vigil@example.org>",
        List.of("first-line@example.org", "desk@example.org"),
        Duration.ofSeconds(10));
  }

  private EmailReceiver receiver(boolean startTls, String password) {
    return new EmailReceiver(
        "first-line-mail", settings(greenMail.getSmtp().getPort(), startTls, password), () -> SENT);
  }

  @Test
  void shouldMailAPlainTextNoticeWithTheRunbookToEveryRecipient() throws Exception {
    receiver(false, "right").deliver(TestNotifications.firing("42", "ws-042", 2));

    assertTrue(greenMail.waitForIncomingEmail(10_000, 2));
    MimeMessage message = greenMail.getReceivedMessages()[0];
    assertEquals(
        "[FIRING tier 2] HostFilesystemAlmostFull on ws-042 (warning)", message.getSubject());
    assertArrayEquals(
        new Address[] {
          new InternetAddress("first-line@example.org"), new InternetAddress("desk@example.org")
        },
        message.getRecipients(Message.RecipientType.TO));
    assertEquals("Vigil <vigil@example.org>", message.getFrom()[0].toString());
    assertTrue(
        message.getContentType().startsWith("text/plain; charset=UTF-8"), message.getContentType());
    assertEquals(
        """
        Filesystem / on ws-042 is 93% full

        Less than 7% of / is left; at the current rate it fills within a day.

        Runbook: https://kb.example.org/runbooks/disk-full

        Status: firing (escalation tier 2)
        Host: ws-042
        Alert: HostFilesystemAlmostFull
        Severity: warning
        Started: 2026-11-23T09:15:00Z
        Incident: 42
        Label mountpoint: /
        Label team: desktop""",
        ((String) message.getContent()).replace("\r\n", "\n").stripTrailing());
  }

  @Test
  void shouldSayWhenTheIncidentEndedInTheResolvedNotice() throws Exception {
    receiver(false, "right")
        .deliver(
            TestNotifications.firing("42", "ws-042", 2)
                .resolved(Instant.parse("2026-11-23T10:00:00Z")));

    assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
    MimeMessage message = greenMail.getReceivedMessages()[0];
    assertEquals("[RESOLVED] HostFilesystemAlmostFull on ws-042 (warning)", message.getSubject());
    assertTrue(((String) message.getContent()).contains("Ended: 2026-11-23T10:00:00Z"));
  }

  @Test
  void shouldGiveUpWhenTheServerRefusesTheLogin() {
    DeliveryException refused =
        assertThrows(
            DeliveryException.class,
            () -> receiver(false, "wrong").deliver(TestNotifications.firing("42", "ws-042", 1)));

    assertFalse(refused.retryable(), refused.getMessage());
    assertTrue(refused.getMessage().endsWith("(login refused)"), refused.getMessage());
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void shouldNeverFallBackToPlainTextWhenStartTlsIsRequired() {
    DeliveryException refused =
        assertThrows(
            DeliveryException.class,
            () -> receiver(true, "right").deliver(TestNotifications.firing("42", "ws-042", 1)));

    assertTrue(refused.getMessage().contains("STARTTLS"), refused.getMessage());
    assertEquals(0, greenMail.getReceivedMessages().length);
  }

  @Test
  void shouldGiveUpOnARecipientTheServerRefusesForGoodAndRetryOneItDefers() throws Exception {
    DeliveryException unknownUser =
        refusedRecipient("550 5.1.1 <first-line@example.org>: no such user");
    assertFalse(unknownUser.retryable());
    assertTrue(unknownUser.getMessage().endsWith("(reply 550)"), unknownUser.getMessage());
    assertTrue(refusedRecipient("451 4.7.1 greylisted, try again later").retryable());
  }

  private DeliveryException refusedRecipient(String reply) throws Exception {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(reply)) {
      SmtpSettings plain =
          new SmtpSettings(
              "127.0.0.1",
              server.port(),
              false,
              Optional.empty(),
              "",
              "vigil@example.org",
              List.of("first-line@example.org"),
              Duration.ofSeconds(10));
      EmailReceiver receiver = new EmailReceiver("first-line-mail", plain, () -> SENT);
      DeliveryException refused =
          assertThrows(
              DeliveryException.class,
              () -> receiver.deliver(TestNotifications.firing("42", "ws-042", 1)));
      assertTrue(
          refused.getMessage().startsWith("SMTP 127.0.0.1:" + server.port()), refused.getMessage());
      return refused;
    }
  }

  @Test
  void shouldRetryWhenNoServerAnswers() throws IOException {
    EmailReceiver receiver =
        new EmailReceiver(
            "first-line-mail", settings(LoopbackPorts.free(), false, "right"), () -> SENT);

    DeliveryException refused =
        assertThrows(
            DeliveryException.class,
            () -> receiver.deliver(TestNotifications.firing("42", "ws-042", 1)));

    assertTrue(refused.retryable(), refused.getMessage());
  }
}
