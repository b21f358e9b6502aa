/**
 * The collector's JSON API under {@code /api/v1/}: incidents to list, read, acknowledge, resolve
 * and comment on, behind bearer tokens with a read or write role.
 */
package dev.vigil.collector.api;
