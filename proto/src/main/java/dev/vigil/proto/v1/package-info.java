/**
 * Generated classes of Vigil's wire protocol {@code vigil.v1}; see {@code vigil/v1/ingest.proto}.
 */
package dev.vigil.proto.v1;
