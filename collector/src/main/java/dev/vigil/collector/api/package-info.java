/**
 * The collector's JSON API under {@code /api/v1/}: incidents to list, read, acknowledge, resolve
 * and comment on, and the fleet's hosts with their liveness and patch summary, behind bearer tokens
 * with a read or write role.
 */
package dev.vigil.collector.api;
