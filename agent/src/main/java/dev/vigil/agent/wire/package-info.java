/** Turning samples into vigil.v1 Catalog and Batch messages with per-stream interned strings. */
package dev.vigil.agent.wire;
