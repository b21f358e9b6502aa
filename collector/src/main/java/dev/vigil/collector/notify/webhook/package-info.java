/**
 * The webhook receiver: each notification as a JSON document, signed with HMAC-SHA256 over a
 * timestamp and the body so that the receiving end can check where it came from and refuse replays.
 */
package dev.vigil.collector.notify.webhook;
