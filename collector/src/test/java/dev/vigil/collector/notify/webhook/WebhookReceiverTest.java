package dev.vigil.collector.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.notify.JsonPost;
import dev.vigil.collector.notify.LoopbackHttpServer;
import dev.vigil.collector.notify.Notification;
import dev.vigil.collector.notify.TestNotifications;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook against a real HTTP server on loopback that verifies each request the way the README
 * tells receivers to, written here from the README rather than from {@link WebhookSigner}.
 */
class WebhookReceiverTest {
  private static final byte[] SECRET =
      "s3cret-shared-with-the-receiver".getBytes(StandardCharsets.UTF_8);
  private static final long TOLERANCE_SECONDS = 300;

  private final LoopbackHttpServer server = new LoopbackHttpServer();
  private Instant now = Instant.parse("2026-11-23T09:16:00Z");

  WebhookReceiverTest() throws IOException {}

  @AfterEach
  void close() {
    server.close();
  }

  /** The README's check: recent timestamp, then a constant-time compare of HMAC(t + "." + body). */
  private static boolean verify(String header, String body, long receiverNowSeconds)
      throws Exception {
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals("t")) {
        t = kv[1];
      } else if (kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t == null
        || v1 == null
        || Math.abs(receiverNowSeconds - Long.parseLong(t)) > TOLERANCE_SECONDS) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
  }

  private WebhookReceiver receiver() {
    return new WebhookReceiver(
        "ops-webhook",
        server.uri("/vigil"),
        new WebhookSigner(SECRET),
        () -> now,
        new JsonPost(Duration.ofSeconds(5)));
  }

  @Test
  void shouldPostASignedDocumentThatTheReceiverVerifies() throws Exception {
    Notification firing = TestNotifications.firing("42", "ws-042", 2);
    server.respond(
        request -> {
          try {
            boolean ok =
                verify(request.header("X-vigil-signature"), request.body(), now.getEpochSecond());
            return new LoopbackHttpServer.Response(ok ? 204 : 401, Map.of(), "");
          } catch (Exception e) {
            return new LoopbackHttpServer.Response(500, Map.of(), e.toString());
          }
        });

    receiver().deliver(firing);
    receiver().deliver(firing.resolved(Instant.parse("2026-11-23T10:00:00Z")));

    assertEquals(
        "{\"version\":1,\"incident_id\":\"42\",\"dedupe_key\":\"ws-042/HostFilesystemAlmostFull/mountpoint=/\","
            + "\"status\":\"firing\",\"tier\":2,\"host\":\"ws-042\",\"alertname\":\"HostFilesystemAlmostFull\","
            + "\"severity\":\"warning\",\"labels\":{\"mountpoint\":\"/\",\"team\":\"desktop\"},"
            + "\"annotations\":{\"description\":\"Less than 7% of / is left; at the current rate it fills within a day.\","
            + "\"runbook_url\":\"https://kb.example.org/runbooks/disk-full\","
            + "\"summary\":\"Filesystem / on ws-042 is 93% full\"},"
            + "\"starts_at\":\"2026-11-23T09:15:00Z\",\"ends_at\":null}",
        server.requests().get(0).body());
    assertTrue(server.requests().get(1).body().contains("\"status\":\"resolved\""));
    assertTrue(server.requests().get(1).body().endsWith("\"ends_at\":\"2026-11-23T10:00:00Z\"}"));
    String signature = server.requests().get(0).header("X-vigil-signature");
    assertTrue(signature.matches("t=" + now.getEpochSecond() + ",v1=[0-9a-f]{64}"), signature);
  }

  @Test
  void shouldFailVerificationOfATamperedBodyOrAReplayedRequest() throws Exception {
    receiver().deliver(TestNotifications.firing("42", "ws-042", 1));
    LoopbackHttpServer.Request sent = server.requests().get(0);
    String header = sent.header("X-vigil-signature");

    assertTrue(verify(header, sent.body(), now.getEpochSecond()));
    assertFalse(
        verify(header, sent.body().replace("\"tier\":1", "\"tier\":3"), now.getEpochSecond()));
    assertFalse(verify(header, sent.body(), now.getEpochSecond() + TOLERANCE_SECONDS + 1));
  }
}
