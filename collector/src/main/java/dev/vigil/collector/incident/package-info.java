/**
 * Incidents: what they are ({@link dev.vigil.collector.incident.Incident}, keyed by host, rule and
 * labels), how they move ({@link dev.vigil.collector.incident.IncidentLifecycle}, a pure state
 * machine: open → acknowledged → resolved, reopening within the flap window), the audit trail, and
 * the notification outbox records the dispatcher works from.
 *
 * <h2>Outbox</h2>
 *
 * Every change writes, in the same transaction, its audit event and the {@link
 * dev.vigil.collector.incident.OutboxEntry outbox entries} it causes:
 *
 * <table>
 *   <caption>Which change tells whom</caption>
 *   <tr><th>change</th><th>kind</th><th>receivers</th></tr>
 *   <tr><td>opened, reopened</td><td>FIRING, tier 1</td>
 *       <td>the router's tier 1; none while the {@link dev.vigil.collector.incident.PagingGate}
 *       holds it (a NOT_PAGED event instead)</td></tr>
 *   <tr><td>paged (its hold ended while open)</td><td>FIRING, tier 1</td>
 *       <td>the router's tier 1</td></tr>
 *   <tr><td>escalated to tier n</td><td>ESCALATION, tier n</td><td>the router's tier n</td></tr>
 *   <tr><td>resolved (cleared or by hand)</td><td>RESOLVED</td>
 *       <td>everyone sent FIRING or ESCALATION since the incident last opened</td></tr>
 *   <tr><td>acknowledged, commented</td><td>none</td><td></td></tr>
 * </table>
 *
 * <p>A receiver's dispatcher claims its due entries with a lease ({@code claimDue}), then marks
 * each delivered or reschedules it with the next attempt time, which counts the attempt. An entry
 * whose lease runs out (its dispatcher died) is due again, so delivery is at least once; the entry
 * id is stable and serves receivers as an idempotency key. Entries are claimed in the order they
 * were written, and one waits while an earlier entry of its incident for the same receiver is
 * pending, so an incident's FIRING goes before its RESOLVED even when the FIRING had to be retried.
 *
 * <p>The payload is the incident as the change left it, as a JSON object: {@code incident} (id),
 * {@code kind} ({@code firing|escalation|resolved}), {@code tier}, {@code host}, {@code rule},
 * {@code labels} (object), {@code severity} ({@code critical|warning|info}), {@code state} ({@code
 * open|acknowledged|resolved}), {@code summary}, {@code runbookUrl}, {@code openedAt} and {@code
 * resolvedAt} (ISO-8601, the latter only once resolved), {@code flaps}, and {@code event} ({@code
 * at}, {@code actor}, {@code action}, {@code comment}: the change that caused the notice).
 */
package dev.vigil.collector.incident;
