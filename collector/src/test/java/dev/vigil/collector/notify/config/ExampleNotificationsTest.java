package dev.vigil.collector.notify.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.notify.email.SmtpSettings;
import dev.vigil.collector.notify.escalation.EscalationStep;
import dev.vigil.collector.notify.paging.PagingWindows;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code deploy/collector/notifications.yml} parses with the real parser. It ships no
 * secrets, so the test copies it next to stand-in secret files, where its relative paths find them.
 */
class ExampleNotificationsTest {
  private static final Path EXAMPLE = Path.of("../deploy/collector/notifications.yml");

  @Test
  void shouldParseTheShippedExampleWithItsSecretFilesBesideIt(@TempDir Path dir) throws Exception {
    Path file = Files.copy(EXAMPLE, dir.resolve("notifications.yml"));
    Files.writeString(dir.resolve("webhook.secret"), "stand-in-hmac-key\n");
    Files.writeString(dir.resolve("smtp.password"), "stand-in-password\n");

    NotificationsConfig config = NotificationsConfigParser.read(file);

    List<ReceiverConfig> receivers = config.receivers();
    assertEquals(
        List.of("first-line", "second-line", "third-line"),
        receivers.stream().map(ReceiverConfig::name).toList());
    ReceiverConfig.Webhook webhook = (ReceiverConfig.Webhook) receivers.get(0);
    assertEquals(URI.create("https://hooks.example.org/vigil"), webhook.url());
    assertArrayEquals("stand-in-hmac-key".getBytes(StandardCharsets.UTF_8), webhook.secret());
    assertEquals(
        new ReceiverConfig.Alertmanager(
            "second-line",
            URI.create("http://alertmanager.example.org:9093"),
            Optional.of(URI.create("http://vigil.example.org:9465"))),
        receivers.get(1));
    assertEquals(
        new ReceiverConfig.Email(
            "third-line",
            new SmtpSettings(
                "smtp.example.org",
                587,
                true,
                Optional.of("vigil"),
                "stand-in-password",
                "vigil@example.org",
                List.of("it-oncall@example.org", "it-lead@example.org"),
                NotificationsConfigParser.RECEIVER_TIMEOUT)),
        receivers.get(2));
    assertEquals(
        List.of(
            new EscalationStep(Duration.ZERO, List.of("first-line")),
            new EscalationStep(Duration.ofMinutes(15), List.of("second-line")),
            new EscalationStep(Duration.ofHours(1), List.of("third-line"))),
        config.policies().forLabels(Map.of()).steps());
    assertExamplePagingWindows(config.paging());
  }

  /** Servers page at once but in patching; workstations only in business hours. */
  private static void assertExamplePagingWindows(PagingWindows paging) {
    Map<String, String> server = Map.of("site", "paris", "role", "server");
    Map<String, String> workstation = Map.of("site", "paris", "role", "workstation");
    Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
    Instant tuesdayNight = Instant.parse("2026-11-24T22:00:00Z");

    assertEquals(Optional.empty(), paging.holdReason(server, saturday));
    assertEquals(
        Optional.of(
            "maintenance window 'patch-tuesday' (role=server, site=paris: monthly patching)"
                + " until 2026-11-25T02:00:00+01:00"),
        paging.holdReason(server, tuesdayNight));
    assertEquals(
        Optional.of(
            "outside time window 'business-hours' (role=workstation page only then)"
                + " until 2026-11-30T08:00:00+01:00"),
        paging.holdReason(workstation, saturday));
    assertEquals(
        Optional.of(
            "maintenance window 'lyon-move' (site=lyon: datacenter move)"
                + " until 2026-12-06T07:00:00Z"),
        paging.holdReason(Map.of("site", "lyon"), Instant.parse("2026-12-05T20:00:00Z")));
  }
}
