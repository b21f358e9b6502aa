/**
 * The disk spool: every tick is appended here before it is sent, and stays until the collector
 * acknowledges it, so a collector away for days loses nothing and a crash corrupts nothing.
 *
 * <p>The state directory holds {@code spool.lock} (locked while an agent uses it), {@code
 * acked-seq} (the highest acknowledged seq as decimal text, replaced atomically) and the segment
 * files, named by the seq of the first tick they may hold, 20 digits, e.g. {@code
 * 00001790000000000000.spool}. All numbers are big-endian.
 *
 * <pre>
 * segment file
 * +--------------------+-------------+------------+--------------+-------------------------+
 * | magic "VIGLSPOL" 8 | version=1 4 | epoch 8    | CRC32C 4     | record, record, ...     |
 * +--------------------+-------------+------------+--------------+-------------------------+
 *                       CRC32C over the 20 bytes before it
 *
 * record
 * +-------------------+----------+--------+--------+-----------------+----------+
 * | sync E2 56 53 52  | length 4 | type 1 | seq 8  | payload length  | CRC32C 4 |
 * +-------------------+----------+--------+--------+-----------------+----------+
 *                       CRC32C over length, type, seq and payload
 * type 1 = catalog: a vigil.v1 Catalog message (seq = that of the next tick)
 * type 2 = tick:    one tick in the encoding of {@link dev.vigil.agent.spool.codec}
 * </pre>
 *
 * <p>Every segment starts with the full catalog of its epoch and a keyframe tick, so each one
 * decodes without the others: dropping the oldest when the spool is full, or deleting the
 * acknowledged ones, never orphans the rest. Each run of the agent spools in a new epoch (above
 * every epoch on disk), with series ids of its own; a new epoch also starts at a segment boundary
 * when most series the registry holds are gone.
 *
 * <p>Recovery on open reads every record. A record whose sync, length or checksum is wrong is
 * damage: reading resynchronises at the next sync marker that starts a record with a valid checksum
 * (a false match needs the marker and a 32-bit checksum to agree). Damage at the end of the newest
 * segment is the torn append of a crash and is cut off silently; any other damage is counted and
 * logged once, and the ticks after it up to the next keyframe, which cannot be decoded without it,
 * are skipped and counted too.
 */
package dev.vigil.agent.spool;
