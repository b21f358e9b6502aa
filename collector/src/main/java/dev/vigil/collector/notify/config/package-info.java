/**
 * The notifications file ({@code --notifications}): the receivers by name and the escalation
 * policies that use them, read with {@code file:line:column} errors.
 */
package dev.vigil.collector.notify.config;
