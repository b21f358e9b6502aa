package dev.vigil.collector.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether an incident may page (tell its receivers) at a given time: not while its host is
 * in a maintenance window or outside the hours its paging route allows. The incident is recorded
 * either way; a held incident pages once the gate lets it, if it is still open then.
 *
 * <p>Called on the store's writer thread inside the transaction that writes the change, so it must
 * be quick and must not call the store.
 */
@FunctionalInterface
public interface PagingGate {
  /** Every incident may page at any time. */
  PagingGate ALWAYS = (incident, at) -> Optional.empty();

  /**
   * Why {@code incident} must not page at {@code at}, for its audit trail (e.g. {@code maintenance
   * window 'patch-tuesday' (site=paris: monthly patching) until ...}); empty when it may.
   */
  Optional<String> holdReason(Incident incident, Instant at);
}
