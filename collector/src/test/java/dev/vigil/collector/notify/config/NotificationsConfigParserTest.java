package dev.vigil.collector.notify.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error names the file, line and column of the value at fault, and what is wrong with it. */
class NotificationsConfigParserTest {
  private static final String FILE = "notifications.yml";
  private static final String DEFAULT_POLICY =
      """
      policies:
        default:
          - after: 0s
            receivers: [r]
      """;

  @TempDir Path dir;

  @BeforeEach
  void writeSecrets() throws Exception {
    Files.writeString(dir.resolve("webhook.secret"), "key\n");
  }

  /** The message for {@code receivers}, a file's receiver section with one receiver "r". */
  private String error(String receivers) {
    return errorOfFile(receivers + DEFAULT_POLICY);
  }

  private String errorOfFile(String text) {
    return assertThrows(
            IllegalArgumentException.class, () -> NotificationsConfigParser.parse(FILE, text, dir))
        .getMessage();
  }

  @Test
  void shouldNameAnUnknownReceiverKindAndTheKindsThereAre() {
    assertEquals(
        FILE + ":3:5: unknown key \"pager\"; expected alertmanager, email, webhook",
        error(
            """
            receivers:
              r:
                pager: {url: https://pager.example.org}
            """));
  }

  @Test
  void shouldNameAMissingSecretFileWithItsPath() {
    assertEquals(
        FILE + ":3:60: secret file " + dir.resolve("missing.secret") + " does not exist",
        error(
            """
            receivers:
              r:
                webhook: {url: https://hooks.example.org, secret_file: missing.secret}
            """));
  }

  @Test
  void shouldNameAPortOutOfRange() {
    assertEquals(
        FILE + ":5:13: 'port' must be a number from 1 to 65535, got \"70000\"",
        error(
            """
            receivers:
              r:
                email:
                  host: smtp.example.org
                  port: 70000
                  from: vigil@example.org
                  to: [oncall@example.org]
            """));
  }

  @Test
  void shouldNameAUrlThatIsNotHttp() {
    assertEquals(
        FILE + ":3:25: a url must be http:// or https://, got \"ftp://am.example.org\"",
        error(
            """
            receivers:
              r:
                alertmanager: {url: "ftp://am.example.org"}
            """));
  }

  @Test
  void shouldRefuseAUsernameWithoutAPasswordFile() {
    assertEquals(
        FILE + ":4:7: receiver \"r\": 'username' and 'password_file' go together",
        error(
            """
            receivers:
              r:
                email:
                  host: smtp.example.org
                  username: vigil
                  from: vigil@example.org
                  to: [oncall@example.org]
            """));
  }

  @Test
  void shouldNameAPolicyStepsUnknownReceiverAndTheConfiguredOnes() {
    assertEquals(
        FILE + ":9:31: unknown receiver \"second-line\"; configured: first-line",
        errorOfFile(
            """
            receivers:
              first-line:
                webhook: {url: https://hooks.example.org, secret_file: webhook.secret}
            policies:
              default:
                - after: 0s
                  receivers: [first-line]
                - after: 15m
                  receivers: [first-line, second-line]
            """));
  }
}
