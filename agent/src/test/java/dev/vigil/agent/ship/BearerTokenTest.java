package dev.vigil.agent.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.agent.config.AgentToken;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokenTest {
  private static final String TOKEN = "0123456789abcdef-token";

  @TempDir Path dir;

  /** What the credentials handed gRPC: headers to send, or a failure. */
  private static final class Applier extends CallCredentials.MetadataApplier {
    Metadata headers;
    Status failure;

    @Override
    public void apply(Metadata headers) {
      this.headers = headers;
    }

    @Override
    public void fail(Status status) {
      this.failure = status;
    }
  }

  private static CallCredentials.RequestInfo request(SecurityLevel level, String authority) {
    return new CallCredentials.RequestInfo() {
      @Override
      public MethodDescriptor<?, ?> getMethodDescriptor() {
        return null;
      }

      @Override
      public SecurityLevel getSecurityLevel() {
        return level;
      }

      @Override
      public String getAuthority() {
        return authority;
      }

      @Override
      public io.grpc.Attributes getTransportAttrs() {
        return io.grpc.Attributes.EMPTY;
      }
    };
  }

  private Applier apply(boolean loopback, SecurityLevel level) throws Exception {
    AgentToken token = AgentToken.read(Files.writeString(dir.resolve("token"), TOKEN + "\n"));
    Applier applier = new Applier();
    new BearerToken(token, loopback)
        .applyRequestMetadata(request(level, "collector.example.org:7431"), Runnable::run, applier);
    return applier;
  }

  @Test
  void shouldSendTheTokenAsABearerOverTls() throws Exception {
    Applier applier = apply(false, SecurityLevel.PRIVACY_AND_INTEGRITY);

    assertEquals("Bearer " + TOKEN, applier.headers.get(BearerToken.AUTHORIZATION));
  }

  @Test
  void shouldSendTheTokenInClearTextOnlyToLoopback() throws Exception {
    Applier loopback = apply(true, SecurityLevel.NONE);
    Applier remote = apply(false, SecurityLevel.NONE);

    assertEquals("Bearer " + TOKEN, loopback.headers.get(BearerToken.AUTHORIZATION));
    assertNull(remote.headers);
    assertEquals(Status.Code.UNAUTHENTICATED, remote.failure.getCode());
    assertEquals(
        "refusing to send the agent token in clear text to collector.example.org:7431",
        remote.failure.getDescription());
  }
}
