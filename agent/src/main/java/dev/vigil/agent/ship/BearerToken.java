package dev.vigil.agent.ship;

import dev.vigil.agent.config.AgentToken;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.SecurityLevel;
import io.grpc.Status;
import java.util.concurrent.Executor;

/**
 * Puts {@code authorization: Bearer <token>} on every call to one collector, but only over TLS or
 * to loopback: the configuration already refuses a token in clear text beyond loopback, and this
 * keeps the refusal true for every call whatever the channel turns out to be.
 */
final class BearerToken extends CallCredentials {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final AgentToken token;
  private final boolean loopback;

  /**
   * @param loopback whether the collector this channel reaches is on loopback
   */
  BearerToken(AgentToken token, boolean loopback) {
    this.token = token;
    this.loopback = loopback;
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    if (requestInfo.getSecurityLevel() != SecurityLevel.PRIVACY_AND_INTEGRITY && !loopback) {
      applier.fail(
          Status.UNAUTHENTICATED.withDescription(
              "refusing to send the agent token in clear text to " + requestInfo.getAuthority()));
      return;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token.value());
    applier.apply(headers);
  }
}
