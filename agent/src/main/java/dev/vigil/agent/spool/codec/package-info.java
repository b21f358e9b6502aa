/**
 * The compact encoding of one tick in the spool: about 1.7 bytes per sample on a typical host,
 * decoded bit for bit.
 *
 * <p>A tick is a bit stream, most significant bit first, padded with zeros to a whole byte. Numbers
 * are written as {@code U}: a 6-bit count of significant bits minus one, then those bits; {@code S}
 * is a signed number zigzag-mapped to {@code U}.
 *
 * <pre>
 * keyframe:1
 * keyframe=1: timestamp_ms:S   ids
 * keyframe=0: (Δ timestamp − previous Δ):S   same_ids:1   [ids if same_ids=0]
 * ids:        count:U  then runs of consecutive ids: (gap from the end of the last run):U (length−1):U
 * values, one per id in ascending order, each against the same series' previous value:
 *   0                      the same 64 bits as before
 *   10  Δk:S               an integer k at the series' decimal scale: value = k / 10^d, exactly
 *   110 d:3 k:S            such an integer at a new scale (d indexes 1, 10, ..., 1e6, 1e9)
 *   111 XOR                Gorilla's XOR with the previous bits:
 *         0 bits           inside the series' previous window of leading/trailing zeros
 *         1 lead:6 (len−1):6 bits   a new window
 * </pre>
 *
 * A keyframe starts from every series at +0.0 with no scale and no window, so it decodes alone; the
 * encoder writes one at the start of every segment and every {@code KEYFRAME_INTERVAL} ticks. A
 * scaled integer is only used when dividing it by the scale gives back the very same bits, so NaN
 * payloads, infinities, -0.0 and subnormals round-trip through the XOR branch.
 */
package dev.vigil.agent.spool.codec;
