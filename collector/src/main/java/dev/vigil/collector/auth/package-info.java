/** Bearer tokens as the collector keeps them: SHA-256 digests compared in constant time. */
package dev.vigil.collector.auth;
