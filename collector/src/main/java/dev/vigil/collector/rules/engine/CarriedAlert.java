package dev.vigil.collector.rules.engine;

/**
 * One alert's state taken out of a host's program that is being replaced, to be put into the new
 * one by its incident key; also how a restored incident enters a host's first program.
 *
 * @param state {@link RuleState#PENDING} or {@link RuleState#FIRING}, or {@link RuleState#INACTIVE}
 *     for an alert whose incident is still open
 * @param activeAt when it became pending (ms since the epoch)
 * @param keepFiringSince when its condition stopped while it kept firing, or {@link
 *     RuleState#NEVER}
 * @param emitted whether the incident store was told it fires
 * @param value its latest value, for annotations
 */
record CarriedAlert(
    byte state, long activeAt, long keepFiringSince, boolean emitted, double value) {
  /** An unresolved incident found in the store after a restart: firing since it opened, told. */
  static CarriedAlert restored(long openedAtMillis) {
    return new CarriedAlert(RuleState.FIRING, openedAtMillis, RuleState.NEVER, true, Double.NaN);
  }
}
