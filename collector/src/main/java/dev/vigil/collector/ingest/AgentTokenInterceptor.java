package dev.vigil.collector.ingest;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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

  /** Least time between two log lines about refused streams. */
  static final long LOG_INTERVAL_MILLIS = 60_000;

  private final AgentTokens tokens;
  private final IngestMetrics metrics;
  private final LongSupplier clock;
  private final AtomicLong nextLogMillis = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong refusedSinceLog = new AtomicLong();

  /**
   * @param clock wall-clock milliseconds, to space out the log lines
   */
  public AgentTokenInterceptor(AgentTokens tokens, IngestMetrics metrics, LongSupplier clock) {
    this.tokens = tokens;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String refusal = refusal(headers.get(AUTHORIZATION));
    if (refusal == null) {
      return next.startCall(call, headers);
    }
    metrics.unauthenticated.increment();
    logSometimes(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), refusal);
    call.close(Status.UNAUTHENTICATED.withDescription(refusal), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  /**
   * A misconfigured agent reconnects with backoff, but anyone who can reach the port can open
   * streams as fast as they like: at most one line a minute, with how many were refused since. The
   * presented token is never logged.
   */
  private void logSometimes(Object remote, String refusal) {
    long refused = refusedSinceLog.incrementAndGet();
    long now = clock.getAsLong();
    long next = nextLogMillis.get();
    if (now >= next && nextLogMillis.compareAndSet(next, now + LOG_INTERVAL_MILLIS)) {
      refusedSinceLog.addAndGet(-refused);
      LOG.warn(
          "refused an ingest stream from {}: {} ({} refused since the last such line)",
          remote,
          refusal,
          refused);
    }
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
