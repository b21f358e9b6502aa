/**
 * gRPC ingest on Netty: the raw call handler, the per-stream session that maps an agent's catalog
 * onto the store, and the allocation-free decoder of the hot {@code Batch} frames.
 */
package dev.vigil.collector.ingest;
