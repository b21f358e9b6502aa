package dev.vigil.collector.ingest;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits an ingest call only with an accepted agent token in {@code authorization: Bearer <token>}.
 * Any other call is closed with {@code UNAUTHENTICATED} and a description before the ingest handler
 * starts, so not one of its frames is read; other streams are unaffected.
 */
public final class AgentTokenInterceptor implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(AgentTokenInterceptor.class);
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String BEARER = "Bearer ";

  private final AgentTokens tokens;

  public AgentTokenInterceptor(AgentTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String refusal = refusal(headers.get(AUTHORIZATION));
    if (refusal == null) {
      return next.startCall(call, headers);
    }
    // One line per refused stream: agents reconnect with backoff, so a misconfigured one is seen
    // without flooding the log. The presented token is never logged.
    LOG.warn(
        "refused an ingest stream from {}: {}",
        call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
        refusal);
    call.close(Status.UNAUTHENTICATED.withDescription(refusal), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  /** Why the call is refused, or null when its token is accepted. */
  private String refusal(String authorization) {
    if (authorization == null) {
      return "no agent token: send the metadata authorization: Bearer <token>";
    }
    // The scheme is case-insensitive (RFC 7235); the token is not.
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return "authorization must be Bearer <token>";
    }
    String token = authorization.substring(BEARER.length()).strip();
    return tokens.accepts(token) ? null : "agent token not accepted";
  }
}
